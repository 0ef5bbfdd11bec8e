import type { Locale } from '../i18n/locale.ts';

/** Kinds are grouped for preferences: a user turns SMS or e-mail on or off per group. */
export const NOTIFICATION_GROUPS = ['admissions', 'filing', 'subsidies', 'health', 'accounts'] as const;
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

type Words = { title: string; body: string };

type KindDefinition = {
  group: NotificationGroup;
  /**
   * SMS by default only for what cannot wait for the person to open the app: an offer that
   * lapses, a cluster of illness in a class. Everything else is in the app and, where the user
   * gave an address, by e-mail.
   */
  sms: boolean;
} & Record<Locale, Words>;

/**
 * Every notification tuoyu sends, with its words in both languages. `{name}` placeholders are
 * filled from the notification's params; params carry no one's personal data but the
 * recipient's own (a guardian may read their own child's given name, never an ID number).
 */
export const NOTIFICATION_KINDS = {
  'enrollment.offer_made': {
    group: 'admissions',
    sms: true,
    'zh-CN': {
      title: '收到入托录取通知',
      body: '{institution}为{child}提供了托位，请在{expiresAt}前确认，逾期失效。',
    },
    en: {
      title: 'A place is offered',
      body: '{institution} offers {child} a place. Accept it before {expiresAt}, or the offer lapses.',
    },
  },
  'enrollment.offer_expiring': {
    group: 'admissions',
    sms: true,
    'zh-CN': { title: '录取通知即将失效', body: '{institution}为{child}提供的托位将于{expiresAt}失效，请尽快确认。' },
    en: { title: 'An offer lapses soon', body: 'The place {institution} offers {child} lapses at {expiresAt}. Accept it soon.' },
  },
  'enrollment.application_declined': {
    group: 'admissions',
    sms: false,
    'zh-CN': { title: '入托申请未获接收', body: '{institution}未能接收{child}的入托申请。' },
    en: { title: 'An application was declined', body: '{institution} could not take the application for {child}.' },
  },
  'enrollment.unwell_at_check': {
    group: 'health',
    sms: true,
    'zh-CN': {
      title: '晨检发现孩子身体不适',
      body: '{child}今天晨检体温{temperature}℃，有发热或需留意的症状，建议尽快接回并就医，请与托育机构联系。',
    },
    en: {
      title: 'Your child is unwell at the morning check',
      body: '{child} had a temperature of {temperature} degrees C at the morning check today, with fever or a sign that needs care. Please collect them soon and contact the nursery.',
    },
  },
  'institutions.filing_returned': {
    group: 'filing',
    sms: false,
    'zh-CN': { title: '备案被退回', body: '{institution}的备案被退回，原因：{reasons}' },
    en: { title: 'The filing was returned', body: 'The filing of {institution} was returned: {reasons}' },
  },
  'institutions.filing_filed': {
    group: 'filing',
    sms: false,
    'zh-CN': { title: '备案已完成', body: '{institution}已完成备案，回执编号{receiptNumber}。' },
    en: { title: 'The institution is filed', body: '{institution} is filed; receipt number {receiptNumber}.' },
  },
  'subsidies.application_approved': {
    group: 'subsidies',
    sms: false,
    'zh-CN': { title: '补贴申请已批准', body: '{institution}的补贴申请已批准，核定金额{amount}元。' },
    en: { title: 'A subsidy application is approved', body: 'The subsidy application of {institution} is approved: {amount} yuan.' },
  },
  'subsidies.application_returned': {
    group: 'subsidies',
    sms: false,
    'zh-CN': { title: '补贴申请被退回', body: '{institution}的补贴申请被退回，意见：{note}' },
    en: { title: 'A subsidy application was returned', body: 'The subsidy application of {institution} was returned: {note}' },
  },
  'subsidies.voucher_granted': {
    group: 'subsidies',
    sms: false,
    'zh-CN': { title: '获得托育补贴券', body: '{child}获得一张{amount}元的托育补贴券（{program}），有效期至{expiresOn}。' },
    en: { title: 'A voucher is granted', body: '{child} has a {amount} yuan childcare voucher ({program}), valid until {expiresOn}.' },
  },
  'subsidies.voucher_expiring': {
    group: 'subsidies',
    sms: false,
    'zh-CN': { title: '补贴券即将过期', body: '{child}的{amount}元托育补贴券将于{expiresOn}过期，请尽快使用。' },
    en: { title: 'A voucher expires soon', body: "{child}'s {amount} yuan voucher expires on {expiresOn}. Use it soon." },
  },
  'health.illness_alert': {
    group: 'health',
    sms: true,
    'zh-CN': { title: '聚集性症状预警', body: '{institution}一个班级{day}晨检发现{cases}名幼儿{symptom}，请及时处置。' },
    en: { title: 'Illness alert', body: 'At {institution}, {cases} children in one class had {symptom} at the morning check on {day}.' },
  },
  'health.check_due': {
    group: 'health',
    sms: false,
    'zh-CN': { title: '儿童健康检查提醒', body: '{child}的{check}健康检查应在{dueOn}前后进行，请预约社区卫生服务中心。' },
    en: {
      title: 'A health check is due',
      body: "{child}'s {check} health check is due around {dueOn}; book it at the community health centre.",
    },
  },
  'institutions.invitation_received': {
    group: 'accounts',
    // The invitation's own SMS goes to the number whether or not it has an account.
    sms: false,
    'zh-CN': { title: '收到机构邀请', body: '{institution}邀请您成为本机构的{role}，请在{expiresAt}前接受。' },
    en: { title: 'An invitation to join', body: '{institution} invites you to join as {role}. Accept it before {expiresAt}.' },
  },
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
