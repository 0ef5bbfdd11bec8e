import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import {
  type ApplicationFilter,
  type ApplyInput,
  type Certificate,
  type ClaimDecision,
  type ClaimStatus,
  getApplication,
  getApplications,
  getCertificates,
  getChildcareClaims,
  getInstitutionApplications,
  getSubsidyPolicy,
  getVerification,
  type OfficialClaim,
  postApplication,
  postCertificate,
  postClaimDecision,
  postTransition,
  type SubsidyApplication,
  type TransitionInput,
  uploadApplicationFile,
} from './api';

/** Query keys in one place: a review step refreshes every list and detail it may have changed. */
export const keys = {
  applications: ['subsidyApplications', 'applications'] as const,
  institution: (institutionId: string) => [...keys.applications, 'institution', institutionId] as const,
  queue: (filter: ApplicationFilter) => [...keys.applications, 'queue', filter] as const,
  detail: (applicationId: string) => [...keys.applications, 'detail', applicationId] as const,
  certificates: (institutionId: string) => ['subsidyApplications', 'certificates', institutionId] as const,
  verification: (code: string) => ['subsidyApplications', 'verification', code] as const,
  claims: ['subsidyApplications', 'childcareClaims'] as const,
  policy: ['subsidyApplications', 'policy'] as const,
};

export const useInstitutionApplications = (institutionId: string) =>
  useQuery({
    queryKey: keys.institution(institutionId),
    queryFn: () => getInstitutionApplications(institutionId),
    enabled: !!institutionId,
  });

export const useApplicationQueue = (filter: ApplicationFilter) =>
  useQuery({ queryKey: keys.queue(filter), queryFn: () => getApplications(filter) });

export const useApplication = (applicationId: string) =>
  useQuery({ queryKey: keys.detail(applicationId), queryFn: () => getApplication(applicationId) });

// Policy amounts change by administrative decision, rarely: once a session is fresh enough.
export const useSubsidyPolicy = () => useQuery({ queryKey: keys.policy, queryFn: getSubsidyPolicy, staleTime: 30 * 60_000 });

export type Applied = { application: SubsidyApplication; uploadErrors: string[] };

export function useApply(institutionId: string) {
  const client = useQueryClient();
  return useMutation<Applied, ApiError, { input: ApplyInput; files: File[] }>({
    // Documents attach to an application, so they go up once it exists. A refused file does not
    // undo the application: the director is told and attaches it again, rather than applying twice.
    mutationFn: async ({ input, files }) => {
      let application = await postApplication(institutionId, input);
      const uploadErrors: string[] = [];
      for (const file of files) {
        try {
          application = await uploadApplicationFile(application.id, file);
        } catch (error) {
          uploadErrors.push(`${file.name}: ${(error as Error).message}`);
        }
      }
      return { application, uploadErrors };
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.applications }),
  });
}

export function useUploadFile() {
  const client = useQueryClient();
  return useMutation<SubsidyApplication, ApiError, { applicationId: string; file: File }>({
    mutationFn: ({ applicationId, file }) => uploadApplicationFile(applicationId, file),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.applications }),
  });
}

export function useApplicationAction() {
  const client = useQueryClient();
  return useMutation<SubsidyApplication, ApiError, { applicationId: string; input: TransitionInput }>({
    mutationFn: ({ applicationId, input }) => postTransition(applicationId, input),
    // A refusal (someone else decided first) changes what is allowed too: re-read either way.
    onSettled: () => client.invalidateQueries({ queryKey: keys.applications }),
  });
}

export const useCertificates = (institutionId: string) =>
  useQuery({ queryKey: keys.certificates(institutionId), queryFn: () => getCertificates(institutionId), enabled: !!institutionId });

export function useIssueCertificate(institutionId: string) {
  const client = useQueryClient();
  return useMutation<Certificate, ApiError, void>({
    mutationFn: () => postCertificate(institutionId),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.certificates(institutionId) }),
  });
}

export const useVerification = (code: string | undefined) =>
  useQuery({ queryKey: keys.verification(code ?? ''), queryFn: () => getVerification(code as string), enabled: !!code });

export const useChildcareClaims = (status: ClaimStatus | undefined) =>
  useQuery({ queryKey: [...keys.claims, status ?? 'all'], queryFn: () => getChildcareClaims(status) });

export function useDecideClaim() {
  const client = useQueryClient();
  return useMutation<OfficialClaim, ApiError, { claimId: string; input: ClaimDecision }>({
    mutationFn: ({ claimId, input }) => postClaimDecision(claimId, input),
    onSettled: () => client.invalidateQueries({ queryKey: keys.claims }),
  });
}
