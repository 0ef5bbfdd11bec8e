import type { Transaction } from 'kysely';
import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { DEFAULT_CHECKLIST } from '../../../../domain/supervision/checklist.ts';
import { type DrawInput, drawRound } from '../../../../domain/supervision/draw.ts';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { findListedInDistrict } from '../../institutions/index.ts';
import {
  insertEvidence,
  insertInspection,
  insertInspector,
  insertItems,
  insertRectification,
  insertRound,
  recordInspection,
  updateRectification,
  upsertConflict,
} from '../inspections/queries.ts';
import { INSPECTORS_PER_INSPECTION } from '../inspections/rounds.ts';

const HAIZHOU = '320706';
const INSPECTORS = ['李海州', '周明', '吴敏', '郑华', '孙丽', '钱军'];
const DAY_MS = 86_400_000;

type Outcome = { failed: Record<string, { requirement: string; deadlineIn: number; state: 'open' | 'submitted' | 'accepted' }> };

/** What each drawn institution was found to have, in draw order: the first is the guidance centre. */
const OUTCOMES: Outcome[] = [
  {
    failed: {
      cctv: { requirement: '更换监控存储设备，确保录像保存不少于90天', deadlineIn: -3, state: 'open' },
      fire_safety: { requirement: '清理二楼疏散通道堆放物品，补充灭火器', deadlineIn: 10, state: 'submitted' },
    },
  },
  { failed: { pickup_records: { requirement: '补全接送登记，家长签字', deadlineIn: -10, state: 'accepted' } } },
  { failed: {} },
];

/**
 * A past round in 海州区, drawn and recorded about a month ago: the guidance centre with one
 * overdue and one submitted rectification, another institution rectified and accepted, the
 * rest passed. The seed is the first that draws the guidance centre, so "re-run" gives the same.
 */
export async function seedSupervisionDemo(trx: Transaction<DB>, options: { now: Date; guidanceCenterId: string }) {
  const { now, guidanceCenterId } = options;
  const today = todayInShanghai(now);
  const [officialId] = await findRoleHolders(trx, { role: 'district_official', withinDivision: HAIZHOU });
  if (!officialId) return;
  const createdAt = new Date(now.getTime() - 60 * DAY_MS);
  const inspectorIds: string[] = [];
  for (const [i, name] of INSPECTORS.entries()) {
    const row = await insertInspector(trx, {
      district_code: HAIZHOU,
      name,
      user_id: i === 0 ? officialId : null,
      active: true,
      created_at: createdAt,
    });
    inspectorIds.push(row.id);
  }
  const listed = await findListedInDistrict(trx, HAIZHOU);
  const other = listed.find((l) => l.id !== guidanceCenterId);
  if (other) {
    await upsertConflict(trx, {
      inspector_id: inspectorIds[4] as string,
      institution_id: other.id,
      reason: '近亲属在该机构任职',
      recorded_by: officialId,
      recorded_at: createdAt,
    });
  }
  const input: DrawInput = {
    institutions: listed.map((l) => ({ id: l.id, weight: 1 })),
    inspectorIds: [...inspectorIds].sort(),
    conflicts: other ? [{ inspectorId: inspectorIds[4] as string, institutionId: other.id }] : [],
    sampleRate: 0.1,
    inspectorsPerInspection: INSPECTORS_PER_INSPECTION,
  };
  let seed = 1;
  let drawn = drawRound(input, seed);
  while (seed < 10_000 && !(drawn.ok && drawn.inspections.some((d) => d.institutionId === guidanceCenterId)))
    drawn = drawRound(input, ++seed);
  if (!drawn.ok) return;
  const ordered = [...drawn.inspections].sort(
    (a, b) => Number(b.institutionId === guidanceCenterId) - Number(a.institutionId === guidanceCenterId),
  );
  const drawnAt = new Date(now.getTime() - 40 * DAY_MS);
  const round = await insertRound(trx, {
    district_code: HAIZHOU,
    period_start: addDaysIso(today, -38),
    period_end: addDaysIso(today, -20),
    sample_rate: input.sampleRate,
    weight_risk: false,
    seed,
    inputs: JSON.stringify(input),
    drawn_by: officialId,
    drawn_at: drawnAt,
  });
  const position = new Map(drawn.inspections.map((d, i) => [d.institutionId, i]));
  for (const [i, d] of ordered.entries()) {
    const inspectionId = await insertInspection(
      trx,
      { round_id: round.id, institution_id: d.institutionId, position: position.get(d.institutionId) ?? i },
      d.inspectorIds,
    );
    const outcome = OUTCOMES[Math.min(i, OUTCOMES.length - 1)] as Outcome;
    const inspectedOn = addDaysIso(today, -30 + i);
    const recordedAt = new Date(now.getTime() - (30 - i) * DAY_MS);
    const failures = Object.keys(outcome.failed);
    await recordInspection(trx, inspectionId, {
      overall: failures.length > 0 ? 'rectify' : 'pass',
      score: Math.round(((DEFAULT_CHECKLIST.length - failures.length) / DEFAULT_CHECKLIST.length) * 100),
      inspected_on: inspectedOn,
      summary: failures.length > 0 ? '现场检查发现问题，已当场告知负责人并下达整改要求。' : '各项符合要求。',
      recorded_by: officialId,
      recorded_at: recordedAt,
    });
    await insertItems(
      trx,
      DEFAULT_CHECKLIST.map((c) => ({
        inspection_id: inspectionId,
        item_key: c.key,
        label: c.zh,
        result: c.key in outcome.failed ? 'fail' : 'pass',
        notes: c.key in outcome.failed ? '现场查看发现不符合要求' : '',
      })),
    );
    for (const [key, f] of Object.entries(outcome.failed)) {
      const rect = await insertRectification(trx, {
        inspection_id: inspectionId,
        institution_id: d.institutionId,
        item_key: key,
        requirement: f.requirement,
        deadline: addDaysIso(today, f.deadlineIn),
        created_at: recordedAt,
      });
      if (f.state === 'open') continue;
      const [directorId] = await findRoleHolders(trx, { role: 'institution_admin', institutionId: d.institutionId });
      // Without a director's account the district checked the rectification on site.
      if (directorId)
        await insertEvidence(trx, {
          rectification_id: rect.id,
          text: f.state === 'accepted' ? '已补全近三个月接送登记并由家长逐一签字确认。' : '疏散通道已清理，新增4具干粉灭火器。',
          submitted_by: directorId,
          submitted_at: new Date(now.getTime() - 5 * DAY_MS),
        });
      await updateRectification(
        trx,
        rect.id,
        f.state === 'accepted'
          ? { status: 'accepted', decided_by: officialId, decided_at: new Date(now.getTime() - 4 * DAY_MS) }
          : { status: 'submitted' },
      );
    }
  }
}
