import { ClassStandard } from '../../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import { type ComplianceCode, type ComplianceSettings, DEFAULT_COMPLIANCE_SETTINGS } from '../../../../domain/institutions/compliance.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findDivisionsAsOf } from '../../geography/index.ts';
import { complianceOf } from '../common/presenters.ts';
import { loadStates } from '../common/state.ts';
import { findFiledInstitutionsIn } from './queries.ts';
import { findComplianceSettings, saveComplianceSettings } from './settings.ts';

type Row = {
  divisionCode: string;
  name: string;
  institutions: number;
  withProblems: number;
  problems: Partial<Record<ComplianceCode, number>>;
};

const emptyRow = (divisionCode: string, name: string): Row => ({ divisionCode, name, institutions: 0, withProblems: 0, problems: {} });

function defaultDivision(scope: Scope, cityCode: string | undefined): string | undefined {
  const official = scope.grants.find((g) => g.role === 'district_official' || g.role === 'city_official');
  return official?.divisionCode ?? cityCode;
}

/**
 * Compliance problems counted per division: for a city one row per district, for a district one
 * per township. Counts filed institutions that are not closed; problems are computed now, from
 * the same rules the record shows.
 */
export async function complianceSummary(deps: Deps, scope: Scope, division: string | undefined) {
  const today = todayInShanghai(deps.clock.now());
  const divisions = await findDivisionsAsOf(deps.db, today);
  const code = division ?? defaultDivision(scope, divisions.find((d) => d.level === 'city')?.code);
  const target = divisions.find((d) => d.code === code);
  if (!code || !target || !divisionInScope(scope, code)) throw new AppError('NOT_FOUND');
  const children =
    target.level === 'township' ? [target] : divisions.filter((d) => d.parent_code === code).sort((a, b) => a.code.localeCompare(b.code));

  const institutions = await findFiledInstitutionsIn(deps.db, scope, code);
  const [states, settings] = await Promise.all([
    loadStates(
      deps.db,
      institutions.map((i) => i.id),
      today,
    ),
    findComplianceSettings(deps.db),
  ]);

  const total = emptyRow(target.code, target.name);
  const rows = children.map((d) => emptyRow(d.code, d.name));
  for (const institution of institutions) {
    const state = states.get(institution.id);
    if (!state) continue;
    const codes = new Set(complianceOf(state, today, settings).map((p) => p.code));
    const row = rows.find((r) => institution.division_code.startsWith(divisionPrefix(r.divisionCode)));
    for (const r of row ? [total, row] : [total]) {
      r.institutions += 1;
      if (codes.size > 0) r.withProblems += 1;
      for (const c of codes) r.problems[c] = (r.problems[c] ?? 0) + 1;
    }
  }
  return { divisionCode: target.code, name: target.name, checkedOn: today, total, rows };
}

function settingsView(s: ComplianceSettings) {
  return {
    indoorM2PerPlace: s.indoorM2PerPlace,
    outdoorM2PerPlace: s.outdoorM2PerPlace,
    mixedChildrenPerCaregiver: s.classSettings?.mixed?.childrenPerCaregiver ?? ClassStandard.mixed.childrenPerCaregiver,
  };
}

export async function getSettings(deps: Deps) {
  return { ...settingsView(await findComplianceSettings(deps.db)), defaults: settingsView(DEFAULT_COMPLIANCE_SETTINGS) };
}

export async function updateSettings(
  deps: Deps,
  context: AuditContext,
  body: { indoorM2PerPlace: number; outdoorM2PerPlace: number; mixedChildrenPerCaregiver: number },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await findComplianceSettings(trx);
    await saveComplianceSettings(
      trx,
      {
        ...current,
        indoorM2PerPlace: body.indoorM2PerPlace,
        outdoorM2PerPlace: body.outdoorM2PerPlace,
        classSettings: {
          ...current.classSettings,
          mixed: { ...current.classSettings?.mixed, childrenPerCaregiver: body.mixedChildrenPerCaregiver },
        },
      },
      now,
    );
    await appendAudit(
      trx,
      context,
      { action: 'institution.settings.update', entityType: 'settings', entityId: 'institutions.compliance', detail: body },
      now,
    );
  });
  return getSettings(deps);
}
