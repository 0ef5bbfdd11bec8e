import { addMonthsIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { CHECK_MONTHS, checkDueSoon } from '../../../../domain/health/index.ts';
import { givenName } from '../../../../domain/identity/givenName.ts';
import type { Deps } from '../../../deps.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { findGuardedChildrenBornSince, findGuardians } from '../../children/index.ts';

const LAST_CHECK_MONTHS = CHECK_MONTHS[CHECK_MONTHS.length - 1] as number;

/** The check's name as the notification's `{check}` fills it (“…的{check}健康检查”). */
function checkWords(key: string) {
  if (key === 'one_month') return { 'zh-CN': '满月', en: 'one-month' };
  const months = key.replace('month_', '');
  return { 'zh-CN': `${months}月龄`, en: `${months}-month` };
}

/**
 * The guardians of each child whose next clinic check falls within the week hear of it once:
 * the child and the check are the dedupe key, so every run after the first, in any process,
 * tells no one again. Only children young enough for a check left are read.
 */
export async function remindDueHealthChecks(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const children = await findGuardedChildrenBornSince(deps.db, addMonthsIso(today, -LAST_CHECK_MONTHS));
  const due = children.flatMap((c) => {
    const visit = checkDueSoon(c.birth_date, today);
    return visit ? [{ child: c, visit }] : [];
  });
  if (due.length === 0) return 0;
  const guardians = await findGuardians(
    deps.db,
    due.map((d) => d.child.id),
  );
  let told = 0;
  for (const { child, visit } of due) {
    const guardianIds = guardians.filter((g) => g.child_id === child.id).map((g) => g.user_id);
    await deps.db.transaction().execute(async (trx) => {
      const reached = await notify(
        trx,
        guardianIds,
        {
          kind: 'health.check_due',
          params: { child: givenName(child.name), check: checkWords(visit.key), dueOn: visit.targetDate },
          link: '/family/health-checks',
          dedupeKey: `${child.id}:${visit.key}`,
        },
        now,
      );
      if (reached.length === 0) return;
      told += 1;
      await appendAudit(
        trx,
        SYSTEM_CONTEXT,
        {
          action: 'child.remind_health_check',
          entityType: 'child',
          entityId: child.id,
          detail: { check: visit.key, dueOn: visit.targetDate },
        },
        now,
      );
    });
  }
  return told;
}
