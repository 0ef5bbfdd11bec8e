import { ROLES, type Role } from '../../../domain/access/roles.ts';
import type { Locale } from '../i18n/locale.ts';

/** Kinds are grouped for preferences: a user turns SMS or e-mail on or off per group. */
export const NOTIFICATION_GROUPS = [
  'admissions',
  'filing',
  'subsidies',
  'health',
  'complaints',
  'supervision',
  'courses',
  'guidance',
  'accounts',
] as const;
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
  /** The roles whose work the kind is about: only they are offered its preferences. */
  for: readonly Role[];
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
    for: ['parent'],
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
    for: ['parent'],
    'zh-CN': { title: '录取通知即将失效', body: '{institution}为{child}提供的托位将于{expiresAt}失效，请尽快确认。' },
    en: { title: 'An offer lapses soon', body: 'The place {institution} offers {child} lapses at {expiresAt}. Accept it soon.' },
  },
  'enrollment.application_declined': {
    group: 'admissions',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '入托申请未获接收', body: '{institution}未能接收{child}的入托申请。' },
    en: { title: 'An application was declined', body: '{institution} could not take the application for {child}.' },
  },
  'enrollment.waitlist_first': {
    group: 'admissions',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '候补已排到第1位', body: '{child}在{institution}的候补名单上已排到第1位。' },
    en: { title: 'First on the waitlist', body: '{child} is now first on the waitlist at {institution}.' },
  },
  'enrollment.unwell_at_check': {
    group: 'health',
    sms: true,
    for: ['parent'],
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
    for: ['institution_admin'],
    'zh-CN': { title: '备案被退回', body: '{institution}的备案被退回，原因：{reasons}' },
    en: { title: 'The filing was returned', body: 'The filing of {institution} was returned: {reasons}' },
  },
  'institutions.filing_filed': {
    group: 'filing',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '备案已完成', body: '{institution}已完成备案，回执编号{receiptNumber}。' },
    en: { title: 'The institution is filed', body: '{institution} is filed; receipt number {receiptNumber}.' },
  },
  'guidance.article_approved': {
    group: 'guidance',
    sms: false,
    for: ['city_official'],
    'zh-CN': { title: '文章已通过审核', body: '您撰写的文章《{title}》已由另一位工作人员审核通过。' },
    en: { title: 'An article is approved', body: 'Your article "{title}" was approved by a second official.' },
  },
  'guidance.article_returned': {
    group: 'guidance',
    sms: false,
    for: ['city_official'],
    'zh-CN': { title: '文章被退回修改', body: '您撰写的文章《{title}》被退回，意见：{note}' },
    en: { title: 'An article was returned', body: 'Your article "{title}" was returned: {note}' },
  },
  'guidance.article_flagged': {
    group: 'guidance',
    sms: false,
    for: ['city_official'],
    'zh-CN': {
      title: '已发布文章需要复核',
      body: '每日检查在已发布的文章《{title}》中发现{count}处可疑内容（隐藏文字或白名单以外的链接），请复核。',
    },
    en: {
      title: 'A published article needs a look',
      body: 'The daily check found {count} suspicious items (hidden text or links off the allowlist) in the published article "{title}".',
    },
  },
  'subsidies.application_approved': {
    group: 'subsidies',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '补贴申请已批准', body: '{institution}的补贴申请已批准，核定金额{amount}元。' },
    en: { title: 'A subsidy application is approved', body: 'The subsidy application of {institution} is approved: {amount} yuan.' },
  },
  'subsidies.application_returned': {
    group: 'subsidies',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '补贴申请被退回', body: '{institution}的补贴申请被退回，意见：{note}' },
    en: { title: 'A subsidy application was returned', body: 'The subsidy application of {institution} was returned: {note}' },
  },
  'subsidies.certificate_requested': {
    group: 'subsidies',
    sms: false,
    for: ['district_official'],
    'zh-CN': { title: '水电气价格证明待审核', body: '{institution}申请开具水电气执行居民生活类价格证明，请审核。' },
    en: {
      title: 'A utility-price certificate to decide',
      body: '{institution} asks for its residential utility-price certificate; please approve or return it.',
    },
  },
  'subsidies.certificate_issued': {
    group: 'subsidies',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '水电气价格证明已开具', body: '区卫生健康局已为{institution}开具水电气价格证明，有效期至{validUntil}，可下载PDF。' },
    en: {
      title: 'The utility-price certificate is issued',
      body: 'The district health bureau issued the utility-price certificate of {institution}, valid until {validUntil}; download the PDF.',
    },
  },
  'subsidies.certificate_returned': {
    group: 'subsidies',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '水电气价格证明申请被退回', body: '{institution}的水电气价格证明申请被退回，原因：{reason}' },
    en: {
      title: 'The utility-price certificate request was returned',
      body: 'The certificate request of {institution} was returned: {reason}',
    },
  },
  'subsidies.voucher_granted': {
    group: 'subsidies',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '获得托育补贴券', body: '{child}获得一张{amount}元的托育补贴券（{program}），有效期至{expiresOn}。' },
    en: { title: 'A voucher is granted', body: '{child} has a {amount} yuan childcare voucher ({program}), valid until {expiresOn}.' },
  },
  'subsidies.voucher_expiring': {
    group: 'subsidies',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '补贴券即将过期', body: '{child}的{amount}元托育补贴券将于{expiresOn}过期，请尽快使用。' },
    en: { title: 'A voucher expires soon', body: "{child}'s {amount} yuan voucher expires on {expiresOn}. Use it soon." },
  },
  'health.illness_alert': {
    group: 'health',
    sms: true,
    for: ['district_official'],
    'zh-CN': { title: '聚集性症状预警', body: '{institution}一个班级{day}晨检发现{cases}名幼儿{symptom}，请及时处置。' },
    en: { title: 'Illness alert', body: 'At {institution}, {cases} children in one class had {symptom} at the morning check on {day}.' },
  },
  'health.check_due': {
    group: 'health',
    sms: false,
    for: ['parent'],
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
    for: ROLES,
    'zh-CN': { title: '收到机构邀请', body: '{institution}邀请您成为本机构的{role}，请在{expiresAt}前接受。' },
    en: { title: 'An invitation to join', body: '{institution} invites you to join as {role}. Accept it before {expiresAt}.' },
  },
  'privacy.deletion_approved': {
    group: 'accounts',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '数据删除申请已执行', body: '您的数据删除申请已获批准并执行，依法保留的记录及原因可在“我的数据”中查看。' },
    en: {
      title: 'Your deletion request was carried out',
      body: 'Your data deletion request was approved and carried out; see "My data" for what the law requires us to keep, and why.',
    },
  },
  'privacy.account_erased': {
    group: 'accounts',
    // The account is gone once this is sent: the app cannot show it, so it goes by SMS.
    sms: true,
    for: ['parent'],
    'zh-CN': { title: '账户已删除', body: '您的账户删除申请已获批准，账户及相关个人信息已删除，依法须保留的记录已匿名化。' },
    en: {
      title: 'Your account is erased',
      body: 'Your account deletion request was approved: the account and its personal data are erased, and the records the law requires us to keep are anonymised.',
    },
  },
  'privacy.deletion_rejected': {
    group: 'accounts',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '数据删除申请未获批准', body: '您的数据删除申请未获批准，原因：{reason}' },
    en: { title: 'Your deletion request was declined', body: 'Your data deletion request was declined: {reason}' },
  },
  'supervision.complaint_received': {
    group: 'complaints',
    sms: false,
    for: ['district_official'],
    'zh-CN': { title: '收到新投诉', body: '收到对{institution}的投诉（{reference}），请在{dueOn}前受理。' },
    en: { title: 'A new complaint', body: 'A complaint about {institution} ({reference}) came in; accept it by {dueOn}.' },
  },
  'supervision.complaint_accepted': {
    group: 'complaints',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '投诉已受理', body: '您对{institution}的投诉（{reference}）已受理，将于{dueOn}前办结。' },
    en: {
      title: 'Your complaint is accepted',
      body: 'Your complaint about {institution} ({reference}) is accepted and will be resolved by {dueOn}.',
    },
  },
  'supervision.complaint_extended': {
    group: 'complaints',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '投诉办理期限延长', body: '您的投诉（{reference}）办理期限延长至{dueOn}，原因：{reason}' },
    en: { title: 'More time for your complaint', body: 'Your complaint ({reference}) will now be resolved by {dueOn}: {reason}' },
  },
  'supervision.complaint_escalated': {
    group: 'complaints',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '投诉已转市级办理', body: '您的投诉（{reference}）已转市卫健委办理，将于{dueOn}前办结。' },
    en: {
      title: 'Your complaint went to the city',
      body: 'Your complaint ({reference}) is now handled by the city health commission, by {dueOn}.',
    },
  },
  'supervision.complaint_inspection_ordered': {
    group: 'complaints',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '已安排检查', body: '针对您对{institution}的投诉（{reference}），卫生健康部门已安排现场检查。' },
    en: {
      title: 'An inspection is ordered',
      body: 'For your complaint about {institution} ({reference}), the health bureau has ordered an inspection on site.',
    },
  },
  'supervision.complaint_resolved': {
    group: 'complaints',
    sms: true,
    for: ['parent'],
    'zh-CN': { title: '投诉已办结', body: '您对{institution}的投诉（{reference}）已办结，请查看答复并评价。' },
    en: {
      title: 'Your complaint is resolved',
      body: 'Your complaint about {institution} ({reference}) is resolved: read the answer and rate the handling.',
    },
  },
  'supervision.complaint_rejected': {
    group: 'complaints',
    sms: true,
    for: ['parent'],
    'zh-CN': { title: '投诉未予受理', body: '您的投诉（{reference}）未予受理，原因：{reason}' },
    en: { title: 'Your complaint was not taken up', body: 'Your complaint ({reference}) was not taken up: {reason}' },
  },
  'courses.booking_confirmed': {
    group: 'courses',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '课程预约成功', body: '您已预约{course}（{startsAt}），请按时参加，签到时出示预约二维码。' },
    en: { title: 'Your seat is booked', body: 'You have a seat at {course} ({startsAt}). Show the QR code of the booking to check in.' },
  },
  'courses.booking_waitlisted': {
    group: 'courses',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '已加入候补', body: '{course}（{startsAt}）已满，您在候补第{position}位，有名额时将通知您确认。' },
    en: {
      title: 'You are on the waitlist',
      body: '{course} ({startsAt}) is full. You are number {position} on the waitlist; we will tell you when a seat frees.',
    },
  },
  'courses.seat_offered': {
    group: 'courses',
    // The seat passes to the next person if not confirmed in time, so this one goes by SMS too.
    sms: true,
    for: ['parent'],
    'zh-CN': { title: '候补名额待确认', body: '{course}（{startsAt}）有名额空出，请在{expiresAt}前确认，逾期将顺延给下一位。' },
    en: {
      title: 'A seat is offered',
      body: 'A seat at {course} ({startsAt}) is free for you. Confirm it before {expiresAt}, or it passes to the next person.',
    },
  },
  'courses.session_reminder': {
    group: 'courses',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '明日课程提醒', body: '{course}将于{startsAt}开始，请准时参加。' },
    en: { title: 'Your session is soon', body: '{course} starts at {startsAt}.' },
  },
  'courses.session_moved': {
    group: 'courses',
    sms: false,
    for: ['parent'],
    'zh-CN': { title: '课程时间调整', body: '{course}原定{from}开始，现调整为{startsAt}开始，请按新时间参加；不能参加请及时取消预约。' },
    en: {
      title: 'Your session has a new time',
      body: '{course}, planned for {from}, now starts at {startsAt}. If you cannot come, cancel the booking in time.',
    },
  },
  'guidance.training_certificate_issued': {
    group: 'guidance',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '培训证书已发放', body: '{staff}已完成培训“{training}”，证书编号{number}。' },
    en: { title: 'A training certificate is issued', body: '{staff} completed the training "{training}"; certificate number {number}.' },
  },
  'guidance.training_closed': {
    group: 'guidance',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '培训已停止报名', body: '培训“{training}”已停止报名，本机构已报名的人员不受影响，请按时参加。' },
    en: {
      title: 'A training is closed',
      body: 'The training "{training}" takes no more enrolments; your staff already enrolled keep their places.',
    },
  },
  'guidance.training_session_moved': {
    group: 'guidance',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '培训课次时间调整', body: '培训“{training}”原定{from}的课次，现调整为{startsAt}开始，请通知本机构已报名的人员。' },
    en: {
      title: 'A training session has a new time',
      body: 'The session of "{training}" planned for {from} now starts at {startsAt}; please tell your staff enrolled.',
    },
  },
  'supervision.inspection_recorded': {
    group: 'supervision',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '检查结果已录入', body: '{institution}{date}的检查结果已录入，不合格项{failures}项，请按期整改并上传整改材料。' },
    en: {
      title: 'Inspection results recorded',
      body: 'The inspection of {institution} on {date} is recorded with {failures} failed items; rectify them by their deadlines and upload evidence.',
    },
  },
  'supervision.evidence_submitted': {
    group: 'supervision',
    sms: false,
    for: ['district_official'],
    'zh-CN': { title: '收到整改材料', body: '{institution}提交了“{item}”的整改材料，请审核。' },
    en: { title: 'Rectification evidence received', body: '{institution} submitted evidence for {item}; please review it.' },
  },
  'supervision.rectification_accepted': {
    group: 'supervision',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '整改已通过', body: '{institution}“{item}”的整改已通过审核。' },
    en: { title: 'Rectification accepted', body: 'The rectification of {item} at {institution} is accepted.' },
  },
  'supervision.rectification_rejected': {
    group: 'supervision',
    sms: false,
    for: ['institution_admin'],
    'zh-CN': { title: '整改未通过', body: '{institution}“{item}”的整改未通过：{reason}' },
    en: { title: 'Rectification sent back', body: 'The rectification of {item} at {institution} was sent back: {reason}' },
  },
  'supervision.rectification_overdue': {
    group: 'supervision',
    sms: false,
    for: ['district_official'],
    'zh-CN': { title: '整改已逾期', body: '{institution}“{item}”的整改期限为{deadline}，已逾期未完成。' },
    en: { title: 'Rectification overdue', body: 'The rectification of {item} at {institution} was due on {deadline} and is not done.' },
  },
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
