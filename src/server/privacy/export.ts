import type { Deps } from '../deps.ts';
import { exportForGuardian as childrenPart, type ExportSection } from '../modules/children/index.ts';
import { exportForGuardian as enrollmentPart } from '../modules/enrollment/index.ts';
import { exportForGuardian as healthPart } from '../modules/health/index.ts';
import { exportForGuardian as subsidiesPart } from '../modules/subsidies/index.ts';
import type { AuditContext } from '../platform/audit/auditLog.ts';
import { appendAudit } from '../platform/audit/auditLog.ts';
import { findAccountForExport, findAuditAbout } from '../platform/privacy/account.ts';

export type PersonalDataExport = { generatedAt: string; sections: ExportSection[] };

/** Dates as ISO text, so the JSON and the workbook show the same values. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

/**
 * Everything tuoyu holds about a parent and their children (PIPL art. 45), composed from each
 * module's part. The export itself is audited, with a read of each child it shows.
 */
export async function exportPersonalData(deps: Deps, userId: string, context: AuditContext): Promise<PersonalDataExport> {
  const now = deps.clock.now();
  const family = await childrenPart(deps.db, deps.cipher, userId);
  const { childIds } = family;
  const parts = await Promise.all([
    enrollmentPart(deps.db, childIds),
    healthPart(deps.db, childIds),
    subsidiesPart(deps.db, userId, childIds),
  ]);
  const recordIds = parts
    .flat()
    .flatMap((s) => s.rows.map((r) => r.id))
    .filter((id): id is string => typeof id === 'string');
  // Written before the audit section is read, so the export shows its own entries too.
  await appendAudit(
    deps.db,
    context,
    [
      { action: 'privacy.export', entityType: 'user', entityId: userId, detail: { children: childIds.length } },
      ...childIds.map((id) => ({ action: 'child.read', entityType: 'child', entityId: id, detail: { via: 'export' } })),
    ],
    now,
  );
  const account = await findAccountForExport(deps.db, userId);
  const audit = await findAuditAbout(deps.db, userId, [...childIds, ...recordIds]);
  const sections: ExportSection[] = [
    { kind: 'account', rows: account },
    ...family.sections,
    ...parts.flat(),
    { kind: 'audit', rows: audit },
  ];
  return {
    generatedAt: now.toISOString(),
    sections: sections.map((s) => ({
      kind: s.kind,
      rows: s.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
    })),
  };
}
