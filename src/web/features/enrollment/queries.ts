import { useQuery, useQueryClient } from '@tanstack/react-query';
import { keys as institutionKeys } from '../institutions/queries';
import {
  getAgeMoves,
  getApplicationsBoard,
  getChildIncidents,
  getChildMonth,
  getChildPlace,
  getChildStatements,
  getClassDay,
  getFeeRule,
  getInstitutionIncidents,
  getInstitutionPlaces,
  getMyApplications,
  getStatement,
  getStatements,
} from './api';

const ageMovesOf = (institutionId: string) => ['enrollment', 'ageMoves', institutionId] as const;

/** Query keys in one place so a write can refresh exactly the lists it changed. */
export const keys = {
  applications: ['enrollment', 'applications'] as const,
  board: (institutionId: string) => ['enrollment', 'board', institutionId] as const,
  places: (institutionId: string) => ['enrollment', 'places', institutionId] as const,
  ageMovesOf,
  ageMoves: (institutionId: string, month: string) => [...ageMovesOf(institutionId), month] as const,
  feeRule: (institutionId: string) => ['enrollment', 'feeRule', institutionId] as const,
  classDay: (classId: string, date: string) => ['enrollment', 'classDay', classId, date] as const,
  childMonth: (childId: string, month: string) => ['enrollment', 'childMonth', childId, month] as const,
  incidents: (institutionId: string, month: string) => ['enrollment', 'incidents', institutionId, month] as const,
  childIncidents: (childId: string) => ['enrollment', 'childIncidents', childId] as const,
  childPlace: (childId: string) => ['enrollment', 'childPlace', childId] as const,
  childStatements: (childId: string) => ['enrollment', 'statements', 'child', childId] as const,
  /** Every fee statement: a redemption or its reversal changes a statement, its month's list, or both. */
  statements: ['enrollment', 'statements'] as const,
  monthStatements: (institutionId: string, month: string) => ['enrollment', 'statements', institutionId, month] as const,
  statement: (statementId: string) => ['enrollment', 'statements', 'one', statementId] as const,
};

export const useApplications = () => useQuery({ queryKey: keys.applications, queryFn: getMyApplications });
export const useBoard = (institutionId: string) =>
  useQuery({ queryKey: keys.board(institutionId), queryFn: () => getApplicationsBoard(institutionId) });

export function useInstitutionPlaces(institutionId: string | undefined) {
  return useQuery({
    queryKey: keys.places(institutionId ?? ''),
    queryFn: () => getInstitutionPlaces(institutionId as string),
    enabled: institutionId !== undefined,
  });
}

/** A place moved or ended changes the class lists, the vacancies (the record), the age-move list and the board. */
export function useRefreshPlaces(institutionId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [keys.places(institutionId), institutionKeys.record(institutionId), keys.ageMovesOf(institutionId), keys.board(institutionId)].map(
        (queryKey) => client.invalidateQueries({ queryKey }),
      ),
    );
}

export const useAgeMoves = (institutionId: string, month: string) =>
  useQuery({ queryKey: keys.ageMoves(institutionId, month), queryFn: () => getAgeMoves(institutionId, month) });
export const useFeeRule = (institutionId: string) =>
  useQuery({ queryKey: keys.feeRule(institutionId), queryFn: () => getFeeRule(institutionId) });
export const useClassDay = (classId: string | undefined, date: string) =>
  useQuery({ queryKey: keys.classDay(classId ?? '', date), queryFn: () => getClassDay(classId as string, date), enabled: !!classId });
export const useChildMonth = (childId: string | undefined, month: string) =>
  useQuery({ queryKey: keys.childMonth(childId ?? '', month), queryFn: () => getChildMonth(childId as string, month), enabled: !!childId });
export const useIncidents = (institutionId: string, month: string) =>
  useQuery({ queryKey: keys.incidents(institutionId, month), queryFn: () => getInstitutionIncidents(institutionId, month) });
export const useChildIncidents = (childId: string) =>
  useQuery({ queryKey: keys.childIncidents(childId), queryFn: () => getChildIncidents(childId) });

export const useStatements = (institutionId: string, month: string) =>
  useQuery({ queryKey: keys.monthStatements(institutionId, month), queryFn: () => getStatements(institutionId, month) });
export const useStatement = (statementId: string | undefined) =>
  useQuery({ queryKey: keys.statement(statementId ?? ''), queryFn: () => getStatement(statementId as string), enabled: !!statementId });
export const useChildStatements = (childId: string) =>
  useQuery({ queryKey: keys.childStatements(childId), queryFn: () => getChildStatements(childId) });
export const useChildPlace = (childId: string) => useQuery({ queryKey: keys.childPlace(childId), queryFn: () => getChildPlace(childId) });
