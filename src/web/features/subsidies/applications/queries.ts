import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import {
  type ApplicationFilter,
  type ApplyInput,
  type CertificateDecision,
  type CertificateRequest,
  getApplication,
  getApplications,
  getCertificateRequestQueue,
  getCertificateRequests,
  getCertificates,
  getInstitutionApplications,
  getSubsidyPolicy,
  getVerification,
  postApplication,
  postCertificateDecision,
  postCertificateRequest,
  postTransition,
  type SubsidyApplication,
  type TransitionInput,
  uploadApplicationFile,
} from './api';

/** Query keys in one place: a review step refreshes every list and detail it may have changed. */
export const keys = {
  applications: ['subsidies', 'applications'] as const,
  institution: (institutionId: string) => [...keys.applications, 'institution', institutionId] as const,
  queue: (filter: ApplicationFilter) => [...keys.applications, 'queue', filter] as const,
  detail: (applicationId: string) => [...keys.applications, 'detail', applicationId] as const,
  certificates: (institutionId: string) => ['subsidies', 'certificates', institutionId] as const,
  certificateQueue: ['subsidies', 'certificates', 'queue'] as const,
  verification: (code: string) => ['subsidies', 'verification', code] as const,
  policy: ['subsidies', 'policy'] as const,
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

export const useCertificateRequests = (institutionId: string) =>
  useQuery({
    queryKey: [...keys.certificates(institutionId), 'requests'],
    queryFn: () => getCertificateRequests(institutionId),
    enabled: !!institutionId,
  });

export function useRequestCertificate(institutionId: string) {
  const client = useQueryClient();
  return useMutation<CertificateRequest, ApiError, void>({
    mutationFn: () => postCertificateRequest(institutionId),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.certificates(institutionId) }),
  });
}

export const useCertificateRequestQueue = () => useQuery({ queryKey: keys.certificateQueue, queryFn: getCertificateRequestQueue });

export function useDecideCertificateRequest() {
  const client = useQueryClient();
  return useMutation<CertificateRequest, ApiError, { requestId: string; decision: CertificateDecision }>({
    mutationFn: ({ requestId, decision }) => postCertificateDecision(requestId, decision),
    onSuccess: () => client.invalidateQueries({ queryKey: ['subsidies', 'certificates'] }),
  });
}

export const useVerification = (code: string | undefined) =>
  useQuery({ queryKey: keys.verification(code ?? ''), queryFn: () => getVerification(code as string), enabled: !!code });
