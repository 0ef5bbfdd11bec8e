import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/executor.ts';
import { type NotificationEvent, notify } from '../platform/notifications/notify.ts';

const CENTER = '连云港市婴幼儿照护服务指导中心';

/**
 * A few unread notifications per demo account, so the bell is not empty: only kinds the account's
 * role receives, and only kinds that go by SMS on nobody's default, so seeding queues no message
 * to the demo numbers.
 */
export const DEMO_NEWS: Record<Role, NotificationEvent[]> = {
  parent: [
    {
      kind: 'subsidies.voucher_granted',
      params: { child: '小宇', program: '2026年托育服务消费补贴券', amount: '500.00', expiresOn: '2026-12-31' },
      link: '/family/vouchers',
    },
    {
      kind: 'health.check_due',
      params: { child: '小宇', check: { 'zh-CN': '24月龄', en: '24-month' }, dueOn: '2027-01-15' },
      link: '/family/health-checks',
    },
  ],
  institution_admin: [
    {
      kind: 'institutions.filing_filed',
      params: { institution: CENTER, receiptNumber: '320706-2026-0001' },
      link: '/institution/my-institution',
    },
    {
      kind: 'subsidies.application_approved',
      params: { institution: CENTER, amount: '20000.00' },
      link: '/institution/subsidy-applications',
    },
  ],
  // A caregiver, the city and the admin receive no kind that is quiet by SMS: their bells start empty.
  caregiver: [],
  district_official: [
    {
      kind: 'subsidies.certificate_requested',
      params: { institution: CENTER },
      link: '/official/subsidy-applications?tab=certificates',
    },
  ],
  city_official: [],
  admin: [],
};

export async function seedDemoNotifications(trx: Db, accounts: { userId: string; role: Role }[], now: Date) {
  for (const { userId, role } of accounts) for (const event of DEMO_NEWS[role]) await notify(trx, [userId], event, now);
}
