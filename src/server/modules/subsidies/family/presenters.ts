import { iso } from '../common/schemas.ts';
import type { ClaimRow } from './queries.ts';

export function presentClaim(c: ClaimRow) {
  return {
    id: c.id,
    status: c.status as 'applied',
    appliedAt: new Date(c.applied_at).toISOString(),
    decidedAt: iso(c.decided_at),
    reason: c.reason,
  };
}
