import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError } from '../../platform/errors/AppError.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { rejectImport } from './importChecks.ts';
import { describeOutlineProblem, validateOutlines } from './outlineImport.ts';
import * as q from './queries.ts';

export type OutlinesImport = { approvalNumber?: string | null; source?: string; outlines: { features: readonly unknown[] } };

/** 区县边界 — every imported district outline, for the finder's map; none until a city imports them. */
export async function getDistrictOutlines(deps: Deps) {
  const { sets, outlines } = await q.findOutlines(deps.db, todayInShanghai(deps.clock.now()));
  return {
    approvalNumbers: sets.flatMap((s) => (s.approval_number ? [s.approval_number] : [])),
    outlines: {
      type: 'FeatureCollection' as const,
      features: outlines.map((o) => ({ type: 'Feature' as const, properties: { code: o.code, name: o.name }, geometry: o.geometry })),
    },
  };
}

/**
 * Replaces a city's district outlines with a GeoJSON FeatureCollection, one feature per district or
 * county in force today: every bad feature is reported and nothing is written unless all are good.
 */
export async function importDistrictOutlines(deps: Deps, cityCode: string, body: OutlinesImport, context: AuditContext, locale: Locale) {
  const divisions = await q.findDivisionsAsOf(deps.db, todayInShanghai(deps.clock.now()));
  if (!divisions.some((d) => d.code === cityCode && d.level === 'city')) throw new AppError('NOT_FOUND');
  const districts = new Set(divisions.filter((d) => d.level === 'district' && d.parent_code === cityCode).map((d) => d.code));
  const { outlines, problems } = validateOutlines(body.outlines.features, districts);
  rejectImport(problems, describeOutlineProblem, locale);
  const approvalNumber = body.approvalNumber ?? null;
  const districtCodes = outlines.map((o) => o.code);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.replaceOutlines(trx, { cityCode, approvalNumber, source: body.source ?? 'api', outlines }, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'division.outlines.import',
        entityType: 'division_outlines',
        entityId: cityCode,
        detail: { districts: districtCodes, approvalNumber, source: body.source ?? 'api' },
      },
      now,
    );
  });
  return { cityCode, approvalNumber, districts: districtCodes };
}
