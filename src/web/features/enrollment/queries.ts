import { useQuery } from '@tanstack/react-query';
import { getChildMonth, getClassDay, getInstitutionClasses, getMyApplications, getMyChildRecords } from '../../api/client';
import {
  getAccessLog,
  getAgeMoves,
  getApplicationsBoard,
  getChildIncidents,
  getFeeRule,
  getInstitutionIncidents,
  getPickupPersons,
} from './api';

const ageMovesOf = (institutionId: string) => ['enrolment', 'ageMoves', institutionId] as const;

/** Query keys in one place so a write can refresh exactly the lists it changed. */
export const keys = {
  children: ['enrolment', 'children'] as const,
  applications: ['enrolment', 'applications'] as const,
  board: (institutionId: string) => ['enrolment', 'board', institutionId] as const,
  classes: (institutionId: string) => ['enrolment', 'classes', institutionId] as const,
  ageMovesOf,
  ageMoves: (institutionId: string, month: string) => [...ageMovesOf(institutionId), month] as const,
  feeRule: (institutionId: string) => ['enrolment', 'feeRule', institutionId] as const,
  classDay: (classId: string, date: string) => ['attendance', 'class', classId, date] as const,
  childMonth: (childId: string, month: string) => ['attendance', 'child', childId, month] as const,
  incidents: (institutionId: string, month: string) => ['attendance', 'incidents', institutionId, month] as const,
  childIncidents: (childId: string) => ['attendance', 'childIncidents', childId] as const,
  pickup: (childId: string) => ['enrolment', 'pickup', childId] as const,
  accessLog: (childId: string) => ['enrolment', 'accessLog', childId] as const,
};

export const useChildRecords = () => useQuery({ queryKey: keys.children, queryFn: getMyChildRecords });
export const useApplications = () => useQuery({ queryKey: keys.applications, queryFn: getMyApplications });
export const useBoard = (institutionId: string) =>
  useQuery({ queryKey: keys.board(institutionId), queryFn: () => getApplicationsBoard(institutionId) });
export const useClasses = (institutionId: string) =>
  useQuery({ queryKey: keys.classes(institutionId), queryFn: () => getInstitutionClasses(institutionId) });
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
export const usePickupPersons = (childId: string) => useQuery({ queryKey: keys.pickup(childId), queryFn: () => getPickupPersons(childId) });
export const useAccessLog = (childId: string) => useQuery({ queryKey: keys.accessLog(childId), queryFn: () => getAccessLog(childId) });
