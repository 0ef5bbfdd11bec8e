import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { IndicatorTargets } from '../../../../domain/oversight/indicators.ts';
import { childrenOf } from '../../../../domain/oversight/rollup.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { type CityOn, loadCityOn, withInstitutions } from '../common/cityOn.ts';
import { type AccessSettings, findAccessSettings, findTargets } from '../common/settings.ts';
import { presentIndicators } from '../indicators/presenters.ts';
import { findScenarios, insertScenario } from './queries.ts';
import type { ScenarioBody, ScenarioView } from './schemas.ts';
import { accessOf } from './service.ts';

type Body = z.infer<typeof ScenarioBody>;
type Outcome = z.infer<typeof ScenarioView>['before'];

function outcomeOf(city: CityOn, code: string, targets: IndicatorTargets, settings: AccessSettings): Outcome {
  const division = city.division;
  const access = accessOf(city, code, { kind: 'flat', catchmentKm: settings.catchmentKm }, settings.desertThresholdPer100, '2sfca');
  return {
    indicators: {
      ...presentIndicators(city, division, targets),
      asOf: city.date,
      children: childrenOf(city.divisions, code).map((child) => presentIndicators(city, child, targets)),
      targets,
    },
    access: {
      desertPoints: access.deserts.length,
      childrenInDeserts: access.childrenInDeserts,
      supplyCounted: access.supplyCounted,
    },
  };
}

/**
 * A what-if: hypothetical institutions with the places asked for, at the township's reference
 * point unless a location is given, added to the city as it is today. Indicators and
 * accessibility (plain 2SFCA with the settings' catchment) before and after are saved with the
 * scenario for its owner; no real record changes.
 */
export async function createScenario(deps: Deps, scope: Scope, context: AuditContext, body: Body) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const [city, targets, settings] = await Promise.all([
    loadCityOn(deps.db, today, body.divisionCode, scope),
    findTargets(deps.db),
    findAccessSettings(deps.db),
  ]);
  const problems = body.changes.flatMap((c, i) => {
    const township = city.byCode.get(c.townshipCode);
    return township?.level === 'township' && isWithinDivision(c.townshipCode, body.divisionCode)
      ? []
      : [{ path: `body.changes.${i}.townshipCode`, messageKey: 'division.notTownship' }];
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  const hypothetical = body.changes.map((c, i) => {
    const township = city.byCode.get(c.townshipCode);
    return {
      id: `scenario-${i + 1}`,
      name: `${township?.name ?? c.townshipCode}（新增）`,
      divisionCode: c.townshipCode,
      // Without a point it still counts in the indicators; accessibility leaves it out.
      lat: c.lat ?? township?.lat ?? Number.NaN,
      lng: c.lng ?? township?.lng ?? Number.NaN,
      places: c.places,
      inclusive: c.inclusive,
    };
  });
  const before = outcomeOf(city, body.divisionCode, targets, settings);
  const after = outcomeOf(withInstitutions(city, [...city.institutions, ...hypothetical]), body.divisionCode, targets, settings);
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertScenario(
      trx,
      {
        owner_id: scope.actor.userId,
        division_code: body.divisionCode,
        name: body.name,
        as_of: today,
        changes: body.changes,
        result: { before, after },
      },
      now,
    );
    await appendAudit(
      trx,
      context,
      {
        action: 'planning.scenario_create',
        entityType: 'planning_scenario',
        entityId: row.id,
        detail: { divisionCode: body.divisionCode },
      },
      now,
    );
    return {
      id: row.id,
      name: body.name,
      divisionCode: body.divisionCode,
      asOf: today,
      createdAt: now.toISOString(),
      changes: body.changes,
      before,
      after,
    };
  });
}

/** The caller's own scenarios, newest first, to compare side by side. */
export async function listScenarios(deps: Deps, scope: Scope) {
  const rows = await findScenarios(deps.db, scope.actor.userId);
  return {
    scenarios: rows.map((r) => {
      const result = (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as { before: Outcome; after: Outcome };
      const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Body['changes'];
      return {
        id: r.id,
        name: r.name,
        divisionCode: r.division_code,
        asOf: r.as_of,
        createdAt: new Date(r.created_at).toISOString(),
        changes,
        before: result.before,
        after: result.after,
      };
    }),
  };
}
