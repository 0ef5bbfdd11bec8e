import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { type AgeMove, ageMovesInMonth } from '../../../../domain/enrollment/ageMoves.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';
import { auditChildReads } from '../../children/index.ts';
import { requireOwnInstitution } from '../common/access.ts';
import { findPlacesHeld } from './queries.ts';

/**
 * Children holding a place who must move up (12 and 24 months) or leave (3 years) during the
 * month, by the class type they are in now, earliest first. Audited as reads of each child.
 */
export async function listAgeMoves(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  requireOwnInstitution(scope, institutionId);
  const rows = await findPlacesHeld(deps.db, institutionId);
  const items = rows
    .map((r) => ({ row: r, moves: ageMovesInMonth(r.birth_date, r.class_type as ClassType, month) }))
    .filter((x) => x.moves.length > 0);
  await auditChildReads(
    deps,
    context,
    items.map((x) => x.row.child_id),
    'age_moves',
  );
  return items
    .flatMap(({ row, moves }) =>
      moves.map((move: AgeMove) => ({
        enrolmentId: row.enrollment_id,
        childId: row.child_id,
        childName: row.name,
        birthDate: row.birth_date,
        classId: row.class_id,
        className: row.class_name,
        classType: row.class_type as ClassType,
        kind: move.kind,
        months: move.kind === 'move_up' ? move.months : 36,
        on: move.on,
        toClassType: move.kind === 'move_up' ? move.toClassType : null,
      })),
    )
    .sort((a, b) => a.on.localeCompare(b.on) || a.childName.localeCompare(b.childName, 'zh-CN'));
}
