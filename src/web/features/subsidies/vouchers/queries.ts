import { useQuery } from '@tanstack/react-query';
import {
  getAvailablePrograms,
  getMyVouchers,
  getProgram,
  getProgramSummary,
  getPrograms,
  getRedemptions,
  getSettlements,
  getVoucherApplications,
} from './api';

/**
 * Query keys in one place. Money moves touch several lists at once (a redemption changes the
 * statement, its month's list and the redemptions), so writes invalidate by the prefixes here and
 * enrollment's statement keys.
 */
export const keys = {
  all: ['vouchers'] as const,
  family: ['vouchers', 'family'] as const,
  available: ['vouchers', 'family', 'available'] as const,
  applications: ['vouchers', 'family', 'applications'] as const,
  mine: ['vouchers', 'family', 'mine'] as const,
  redemptions: (institutionId: string, month: string) => ['vouchers', 'redemptions', institutionId, month] as const,
  programs: ['vouchers', 'programs'] as const,
  program: (programId: string) => ['vouchers', 'programs', programId] as const,
  summary: (programId: string) => ['vouchers', 'programs', programId, 'summary'] as const,
  settlements: (month: string) => ['vouchers', 'settlements', month] as const,
};

export const useAvailablePrograms = () => useQuery({ queryKey: keys.available, queryFn: getAvailablePrograms });
export const useVoucherApplications = () => useQuery({ queryKey: keys.applications, queryFn: getVoucherApplications });
export const useMyVouchers = () => useQuery({ queryKey: keys.mine, queryFn: getMyVouchers });

export const useRedemptions = (institutionId: string, month: string) =>
  useQuery({ queryKey: keys.redemptions(institutionId, month), queryFn: () => getRedemptions(institutionId, month) });

export const usePrograms = () => useQuery({ queryKey: keys.programs, queryFn: getPrograms });
export const useProgram = (programId: string) => useQuery({ queryKey: keys.program(programId), queryFn: () => getProgram(programId) });
export const useProgramSummary = (programId: string) =>
  useQuery({ queryKey: keys.summary(programId), queryFn: () => getProgramSummary(programId) });
export const useSettlements = (month: string) => useQuery({ queryKey: keys.settlements(month), queryFn: () => getSettlements(month) });
