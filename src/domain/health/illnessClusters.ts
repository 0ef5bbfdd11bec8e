/**
 * Illness clusters (聚集性症状) found in morning checks (晨检): several children of one class on
 * one day with fever or with the same listed symptom. A cluster is what raises an illness alert
 * for the director and the district health bureau; this file only finds clusters, it stores nothing.
 */

/**
 * The symptoms a morning check may list, as `migrations/0024_morning_checks.sql` constrains them.
 * 发热 · 咳嗽 · 皮疹 · 呕吐 · 腹泻 · 流涕 · 红眼 · 口腔疱疹.
 */
export const MORNING_CHECK_SYMPTOMS = ['fever', 'cough', 'rash', 'vomiting', 'diarrhoea', 'runny_nose', 'red_eyes', 'mouth_sores'] as const;
export type MorningCheckSymptom = (typeof MORNING_CHECK_SYMPTOMS)[number];

/** What an alert is about: fever (by temperature or ticked) or one listed symptom. */
export type IllnessKind = MorningCheckSymptom;
export const ILLNESS_KINDS: readonly IllnessKind[] = MORNING_CHECK_SYMPTOMS;

export type IllnessAlertSettings = {
  /** A temperature at or above this, in °C, counts as fever. */
  feverFromC: number;
  /** Children of one class on one day with fever, or with one same symptom, that raise an alert. */
  casesPerClassPerDay: number;
};

/**
 * Defaults an administrator can change (settings key `health.illnessAlerts`), not rules this code
 * asserts as law:
 * - 37.3 °C: the fever cut-off Chinese nurseries and kindergartens apply at the morning check
 *   (晨检 "摸、看、问、查"; a child at 37.3 °C or more is re-measured and sent home). The
 *   morning check itself is required by 托儿所幼儿园卫生保健工作规范 (2012), under 健康检查; we
 *   have not found the figure in that text, so it is a setting, not a citation.
 * - 3 children of one class on one day: the figure school and nursery reporting rules commonly
 *   quote for a report within 24 hours; not checked against an original text here, so also a
 *   setting. A longer window (e.g. 5 cases in 3 days) is not implemented.
 */
export const DEFAULT_ILLNESS_ALERT_SETTINGS: Readonly<IllnessAlertSettings> = { feverFromC: 37.3, casesPerClassPerDay: 3 };

/** Bounds an administrator may set: a fever line inside the range clinicians use, and at least a pair. */
export const ILLNESS_ALERT_SETTING_LIMITS = {
  feverFromC: { min: 37.0, max: 38.5 },
  casesPerClassPerDay: { min: 2, max: 20 },
} as const;

/** One child's morning check, as the cluster rule needs it. */
export type CheckForClusters = {
  childId: string;
  classId: string;
  day: string;
  temperatureC: number;
  symptoms: readonly string[];
};

export type IllnessCluster = { classId: string; day: string; kind: IllnessKind; childIds: string[] };

const isKind = (s: string): s is IllnessKind => (MORNING_CHECK_SYMPTOMS as readonly string[]).includes(s);

/**
 * The kinds one check counts towards. Fever counts once whether the thermometer showed it or the
 * caregiver ticked it (a fever the parent reports from the night, gone by the morning), so one
 * feverish child is never two cases.
 */
export function kindsOfCheck(check: Pick<CheckForClusters, 'temperatureC' | 'symptoms'>, settings: IllnessAlertSettings): IllnessKind[] {
  const kinds = new Set<IllnessKind>(check.symptoms.filter(isKind));
  // Temperatures are stored to one decimal; compare in tenths so 37.3 is never 37.29999.
  if (Math.round(check.temperatureC * 10) >= Math.round(settings.feverFromC * 10)) kinds.add('fever');
  return ILLNESS_KINDS.filter((k) => kinds.has(k));
}

/**
 * Every (class, day, kind) with at least `casesPerClassPerDay` different children, in a stable
 * order (day, class, kind as listed). A child checked twice on a day counts once.
 */
export function findClusters(checks: readonly CheckForClusters[], settings: IllnessAlertSettings): IllnessCluster[] {
  const groups = new Map<string, IllnessCluster>();
  for (const check of checks) {
    for (const kind of kindsOfCheck(check, settings)) {
      const key = `${check.day}|${check.classId}|${kind}`;
      const group = groups.get(key) ?? { classId: check.classId, day: check.day, kind, childIds: [] };
      if (!group.childIds.includes(check.childId)) group.childIds.push(check.childId);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .filter((g) => g.childIds.length >= settings.casesPerClassPerDay)
    .sort(
      (a, b) =>
        a.day.localeCompare(b.day) || a.classId.localeCompare(b.classId) || ILLNESS_KINDS.indexOf(a.kind) - ILLNESS_KINDS.indexOf(b.kind),
    );
}

/** Settings as stored, over the defaults; a value outside the limits falls back to its default. */
export function resolveIllnessAlertSettings(stored: Partial<IllnessAlertSettings> | undefined): IllnessAlertSettings {
  const pick = <K extends keyof IllnessAlertSettings>(key: K): number => {
    const value = stored?.[key];
    const { min, max } = ILLNESS_ALERT_SETTING_LIMITS[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? value
      : DEFAULT_ILLNESS_ALERT_SETTINGS[key];
  };
  return { feverFromC: pick('feverFromC'), casesPerClassPerDay: Math.round(pick('casesPerClassPerDay')) };
}
