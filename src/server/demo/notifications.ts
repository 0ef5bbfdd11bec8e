import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/executor.ts';
import { type NotificationEvent, notify } from '../platform/notifications/notify.ts';

const CENTER = '连云港市婴幼儿照护服务指导中心';

/**
 * A few unread notifications per demo account, so the bell is not empty. Only kinds that go by
 * SMS on nobody's default, so seeding queues no message to the demo numbers.
 */
const DEMO_NEWS: Record<Role, NotificationEvent[]> = {
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
  caregiver: [
    { kind: 'institutions.filing_filed', params: { institution: CENTER, receiptNumber: '320706-2026-0001' }, link: '/institution' },
  ],
  district_official: [
    {
      kind: 'institutions.filing_filed',
      params: { institution: '海州区新苗托育园', receiptNumber: '320706-2026-0002' },
      link: '/official/filings',
    },
    {
      kind: 'subsidies.application_returned',
      params: { institution: CENTER, note: '请补充参保人员名单' },
      link: '/official/subsidy-applications',
    },
  ],
  city_official: [
    { kind: 'subsidies.application_approved', params: { institution: CENTER, amount: '20000.00' }, link: '/official/subsidy-applications' },
  ],
  admin: [{ kind: 'institutions.filing_filed', params: { institution: CENTER, receiptNumber: '320706-2026-0001' }, link: '/admin' }],
};

export async function seedDemoNotifications(trx: Db, accounts: { userId: string; role: Role }[], now: Date) {
  for (const { userId, role } of accounts) for (const event of DEMO_NEWS[role]) await notify(trx, [userId], event, now);
}
