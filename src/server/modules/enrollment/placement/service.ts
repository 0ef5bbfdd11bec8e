import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';
import { auditChildReads, childReach } from '../../children/index.ts';
import { findCurrentPlace } from './queries.ts';
import type { ChildPlace } from './schemas.ts';

/** Where the child is placed now: institution, its address, phone and hours, and the class. */
export async function getCurrentPlace(deps: Deps, scope: Scope, childId: string, context: AuditContext) {
  const reach = await childReach(deps, scope, childId);
  const row = await findCurrentPlace(deps.db, childId, reach.institutionIds);
  await auditChildReads(deps, context, [childId], 'place');
  const place: ChildPlace | null = row
    ? {
        enrolmentId: row.id,
        startDate: row.start_date,
        institutionId: row.institution_id,
        institutionName: row.institution_name,
        address: row.address,
        phone: row.contact_phone,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        classId: row.class_id,
        className: row.class_name,
        classType: row.class_type as ClassType,
      }
    : null;
  return { place };
}
