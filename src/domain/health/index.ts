export type { Bilingual } from './bilingual.ts';
export { CHECK_REMINDER_DAYS, checkDueSoon } from './checkReminders.ts';
export {
  CHECK_MONTHS,
  type CheckSchedule,
  type CheckScheduleInput,
  type CheckVisitKey,
  type CheckVisitStatus,
  checkSchedule,
  MAX_DISCHARGE_DAYS,
  type ScheduledVisit,
} from './checkSchedule.ts';
export { GROWTH_FLAG_NAMES, type GrowthFlags, growthFlags } from './growthFlags.ts';
export {
  type CheckForClusters,
  DEFAULT_ILLNESS_ALERT_SETTINGS,
  findClusters,
  ILLNESS_ALERT_SETTING_LIMITS,
  ILLNESS_KINDS,
  type IllnessAlertSettings,
  type IllnessCluster,
  type IllnessKind,
  kindsOfCheck,
  MORNING_CHECK_SYMPTOMS,
  type MorningCheckSymptom,
  resolveIllnessAlertSettings,
} from './illnessClusters.ts';
export { RED_FLAG_SYMPTOMS, type UnwellAtCheck, unwellAtCheck } from './unwellAtCheck.ts';
export {
  adviceFor,
  checklistForAge,
  findWarningSign,
  WARNING_SIGN_AGES,
  WARNING_SIGN_CHECKLISTS,
  type WarningSign,
  type WarningSignAdvice,
  type WarningSignAge,
  type WarningSignChecklist,
} from './warningSigns.ts';
