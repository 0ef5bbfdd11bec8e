import type { Messages } from '../i18n/locale.ts';

type ErrorDefinition = { status: number } & Messages;

/**
 * Every error tuoyu returns. Each code says when it is used; `status` is its one HTTP mapping,
 * and every code has words in both languages (a test holds us to that).
 */
export const ERROR_CODES = {
  /** The request body, query or path failed its schema. `details` lists each field. */
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '提交的信息有误，请检查后重试',
    en: 'Some of the information is not valid; please check it and try again',
  },
  /** The body is not parseable JSON (or not the declared content type's syntax). */
  MALFORMED_BODY: { status: 400, 'zh-CN': '请求内容格式不正确', en: 'The request body is malformed' },
  /** The body is bigger than the route accepts. */
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  /** A content type the route does not take. */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持该内容类型', en: 'This content type is not supported' },
  /** No valid session cookie on a route that needs one. */
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in first' },
  /** Wrong phone number or password; deliberately does not say which. */
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '手机号或密码不正确', en: 'The phone number or password is incorrect' },
  /** The password was right and the account has a second factor: send `totp` too. */
  TOTP_REQUIRED: { status: 401, 'zh-CN': '请输入身份验证器中的6位动态码', en: 'Enter the 6-digit code from your authenticator app' },
  /** The one-time code did not match. */
  TOTP_INVALID: { status: 401, 'zh-CN': '动态码不正确或已过期', en: 'The code is wrong or has expired' },
  /** Production requires officials and admins to enrol a second factor before acting. */
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    'zh-CN': '请先开启两步验证后再使用此功能',
    en: 'Turn on two-step verification before using this',
  },
  /** Signed in, but the role may not use this route. Data outside one's scope is NOT_FOUND instead. */
  FORBIDDEN: { status: 403, 'zh-CN': '您没有权限执行此操作', en: 'You do not have permission to do this' },
  /** The record does not exist or lies outside the caller's scope (never says which). */
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录', en: 'Not found' },
  /** No such API route. The URL is never echoed: it may carry a code or a typo of one. */
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', en: 'No such route' },
  /** A state-changing request sent by a page of another origin (CSRF), or by one the configuration does not list. */
  CROSS_ORIGIN_REFUSED: {
    status: 403,
    'zh-CN': '请求来自未被允许的网站，已拒绝',
    en: 'Requests from another site are not accepted',
  },
  /** /metrics or /api/docs in production without the operations bearer token. */
  METRICS_TOKEN_REQUIRED: { status: 401, 'zh-CN': '需要有效的运维令牌', en: 'A valid operations token is required' },
  /** The address is not valid percent-encoding. */
  MALFORMED_URL: { status: 400, 'zh-CN': '请求地址格式不正确', en: 'The address is malformed' },
  /** A path part is longer than any route takes. */
  URL_TOO_LONG: { status: 414, 'zh-CN': '请求地址过长', en: 'The address is too long' },
  /** The request headers (or the address) exceed what the server reads. */
  HEADERS_TOO_LARGE: { status: 431, 'zh-CN': '请求头过大', en: 'The request headers are too large' },
  /** The connection did not send a parseable HTTP request. */
  MALFORMED_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  /** The client took too long to send its request. */
  REQUEST_TIMEOUT: { status: 408, 'zh-CN': '请求超时，请重试', en: 'The request timed out; please try again' },
  /** A failed sign-in for this phone number from this address was recent: wait before the next try. */
  SIGN_IN_DELAYED: {
    status: 429,
    'zh-CN': '登录失败，请{seconds}秒后再试',
    en: 'Sign-in failed; try again in {seconds} seconds',
  },
  /** A current code from the authenticator app is needed to change the second factor. */
  TOTP_CODE_REQUIRED: {
    status: 403,
    'zh-CN': '更换身份验证器需要输入当前的6位动态码',
    en: 'Enter the current 6-digit code to change your authenticator',
  },
  /** Too many failed sign-ins for this phone number from this address. */
  ACCOUNT_LOCKED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请{minutes}分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  /** The per-client request budget is spent. */
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please slow down' },
  /**
   * The SMS code is wrong, expired, used up (5 wrong tries) or was never sent; also, word for
   * word, when the number already has an account on sign-up, so the answer reveals no account.
   */
  CODE_INVALID: {
    status: 400,
    'zh-CN': '验证码不正确或已失效，请重新获取',
    en: 'The code is wrong or no longer valid; ask for a new one',
  },
  /** Too many wrong codes entered from this address. */
  CODE_ADDRESS_LIMITED: {
    status: 429,
    'zh-CN': '此网络输入错误验证码次数过多，请稍后再试',
    en: 'Too many wrong codes from this network; try again later',
  },
  /** An uploaded population file has bad rows; nothing was written. `details` lists each row. */
  IMPORT_REJECTED: {
    status: 422,
    'zh-CN': '导入文件有{count}处错误，未写入任何数据',
    en: 'The file has {count} errors; nothing was imported',
  },
  /** A population grid is checked against the box around the city's reference points, and the city has none yet. */
  GRID_NEEDS_REFERENCE_POINTS: {
    status: 409,
    'zh-CN': '本市区划尚无参考点，无法核对网格是否在本市范围内；请先导入乡镇参考点',
    en: 'The city has no reference points yet, so the grid cannot be checked against its area; import township reference points first',
  },
  /** Accessibility by population grid was asked for a city that has not imported one. */
  POPULATION_GRID_MISSING: {
    status: 409,
    'zh-CN': '本市尚未导入人口网格，请按乡镇计算，或请管理员先导入人口网格',
    en: 'The city has no population grid; compute by township, or ask the admin to import one',
  },
  /** A child with this resident ID number is registered already (another guardian added them). */
  CHILD_ALREADY_REGISTERED: {
    status: 409,
    'zh-CN': '该身份证号的幼儿已登记，请联系其他监护人添加您',
    en: 'A child with this ID number is already registered; ask the other guardian to add you',
  },
  /**
   * A growth measurement lies beyond ±3 SD for the child's age: possible, so it is stored only when
   * the body says `confirmed: true`. `details` names each field to confirm.
   */
  MEASUREMENT_NEEDS_CONFIRMATION: {
    status: 409,
    'zh-CN': '测量值明显偏离同龄儿童，请确认数值无误后再保存',
    en: 'The measurement is far from children of this age; confirm it is right before saving',
  },
  /** The class has no place left (capacity, national class size or caregiver ratio). */
  CLASS_FULL: { status: 409, 'zh-CN': '该班级已无空余托位', en: 'The class has no place left' },
  /** The offer passed its expiry before the guardian accepted it. */
  OFFER_EXPIRED: { status: 409, 'zh-CN': '该录取通知已过期', en: 'The offer has expired' },
  /** The application is not in a state that allows this action; `allowed` lists what is. */
  APPLICATION_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态下不能执行该操作；可执行：{allowed}',
    en: 'This action is not possible now; possible: {allowed}',
  },
  /** The child already has an open application; withdraw it first. */
  APPLICATION_OPEN: { status: 409, 'zh-CN': '该幼儿已有进行中的入托申请', en: 'The child already has an open application' },
  /** The child already holds a place; end it (or transfer) first. */
  CHILD_ALREADY_ENROLLED: {
    status: 409,
    'zh-CN': '该幼儿已在托，请先办理离园或转班',
    en: 'The child already holds a place; end it or transfer first',
  },
  /** Check-out to someone who is neither a guardian of the child nor a pick-up person authorised at that time (接送人). */
  PICKUP_NOT_AUTHORISED: {
    status: 422,
    'zh-CN': '只能交给幼儿的监护人或家长授权且未撤销的接送人',
    en: 'A child can only be handed to a guardian or a pick-up person the guardian authorised',
  },
  /** Every database connection stayed busy for DATABASE_POOL_WAIT_MS: a burst beyond capacity, not a fault. */
  SERVER_BUSY: {
    status: 503,
    'zh-CN': '当前办理人数较多，请稍后重试',
    en: 'Many people are doing this right now; please try again in a moment',
  },
  /** The process is stopping (a restart or deployment): the request did not start; another process takes it. */
  SHUTTING_DOWN: {
    status: 503,
    'zh-CN': '服务正在重启，请稍后重试',
    en: 'The service is restarting; please try again in a moment',
  },
  /** The database cannot be reached right now. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '数据库暂时无法访问，请稍后再试',
    en: 'The database is unavailable; please try again shortly',
  },
  /** A filing workflow action the institution's current status does not offer (details: status, action, allowed). */
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态为 {status}，不能执行 {action}；可执行的操作：{allowed}',
    en: 'Cannot {action} while the status is {status}; allowed actions: {allowed}',
  },
  /** The institution's facts, classes or documents are frozen: a filing is under review, or it is closed. */
  INSTITUTION_LOCKED: {
    status: 409,
    'zh-CN': '机构当前状态为 {status}，暂不能修改（备案审核中或已关闭）',
    en: 'The institution cannot be changed while its status is {status} (a filing is in review, or it is closed)',
  },
  /**
   * Adding or changing a staff member whose resident ID number is active staff of another
   * institution that is filed or under review; `details` names the field `body.residentId`.
   * A filing whose roster has such a person is refused with FILING_INCOMPLETE instead.
   */
  STAFF_ACTIVE_ELSEWHERE: {
    status: 409,
    'zh-CN': '此人已在「{institution}」在职，需先在该机构办理离职',
    en: 'This person is on the staff of {institution}; they must leave there first',
  },
  /** Submitting a filing that lacks facts, classes, fees or documents; `details` lists each missing item. */
  FILING_INCOMPLETE: {
    status: 422,
    'zh-CN': '备案信息不完整，还缺{count}项',
    en: 'The filing is incomplete: {count} items are missing',
  },
  /** Submitting a change filing for a filed institution whose key facts are unchanged. */
  FILING_NO_CHANGES: {
    status: 409,
    'zh-CN': '关键信息没有变化，无需重新备案',
    en: 'No key facts changed, so there is nothing to file again',
  },
  /** Filing before every applicable checklist item is confirmed; `details` lists the rest. */
  FILING_CHECKLIST_INCOMPLETE: {
    status: 422,
    'zh-CN': '核查清单还有{count}项未确认，不能予以备案',
    en: '{count} checklist items are not confirmed, so the filing cannot be filed',
  },
  /**
   * Filing an institution that still has compliance problems without a written reason; the
   * detail puts the request at the `reason` field. With a reason it is filed and the reason kept.
   */
  FILING_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '该机构仍有{count}项合规问题，予以备案须写明理由',
    en: 'The institution still has {count} compliance problems; give the reason for filing it anyway',
  },
  /** Another live institution already holds this unified social credit code. */
  CREDIT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该统一社会信用代码已被其他机构使用',
    en: 'Another institution already uses this unified social credit code',
  },
  /** A division code that is not a township (乡镇街道) in force, or lies outside the caller's district. */
  UNKNOWN_TOWNSHIP: { status: 422, 'zh-CN': '没有找到乡镇（街道）{code}', en: 'No township {code} was found' },
  /** A roster entry named in an invitation is not a current member of this institution's staff. */
  STAFF_NOT_IN_INSTITUTION: {
    status: 422,
    'zh-CN': '所选人员不是本机构在职人员',
    en: "The chosen person is not on this institution's current staff",
  },
  /** Removing a class that children are enrolled in or hold an offer of: they would be left in a class that is gone. */
  CLASS_HAS_CHILDREN: {
    status: 409,
    'zh-CN': '该班级还有 {count} 名幼儿在托或已获录取，不能撤销；请先为他们调班或办理离园',
    en: '{count} children are enrolled in this class or have been offered a place in it; move them or end their enrolment before removing it',
  },
  /** A caregiver named for a class is not a current caregiver of this institution. */
  CAREGIVER_NOT_IN_INSTITUTION: {
    status: 422,
    'zh-CN': '所选保育人员不是本机构在职保育人员',
    en: 'A chosen caregiver is not a current caregiver of this institution',
  },
  /** An upload whose content (magic bytes, not its name) is not one of the allowed types. */
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '只能上传 {allowed} 文件（按文件内容识别）',
    en: 'Only {allowed} files can be uploaded (judged by their content)',
  },
  /** An upload request without a file part, or with an empty file. */
  FILE_MISSING: { status: 400, 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  /** A designation for an institution that has no filed version, or is suspended or closed. */
  DESIGNATION_REQUIRES_FILING: {
    status: 409,
    'zh-CN': '只有已备案且正常运营的机构才能认定',
    en: 'Only filed institutions in operation can be designated',
  },
  /** Revoking a designation that is already revoked. */
  DESIGNATION_ALREADY_REVOKED: { status: 409, 'zh-CN': '该认定已撤销', en: 'This designation is already revoked' },
  /** Redeeming a voucher that has been redeemed already (核销一次): a voucher is used once. */
  VOUCHER_SPENT: { status: 409, 'zh-CN': '该补贴券已使用', en: 'This voucher has been used already' },
  /** Redeeming a voucher after its last valid day (or one the expiry job has expired). */
  VOUCHER_EXPIRED: { status: 409, 'zh-CN': '该补贴券已过期', en: 'This voucher has expired' },
  /** Redeeming a voucher before its program's validity starts. */
  VOUCHER_NOT_YET_VALID: {
    status: 409,
    'zh-CN': '该补贴券自{validFrom}起方可使用',
    en: 'This voucher can be used from {validFrom}',
  },
  /** Issuing (claim, lottery win, automatic grant) or restoring a voucher needs more budget than the program has left. */
  BUDGET_EXHAUSTED: { status: 409, 'zh-CN': '该补贴项目的预算已用完', en: "The program's budget is used up" },
  /** The child already holds as many of the program's vouchers (or applications) as it allows. */
  VOUCHER_LIMIT_REACHED: {
    status: 409,
    'zh-CN': '该幼儿已领取或申请过本项目的补贴券',
    en: "The child has already claimed or applied for this program's voucher",
  },
  /** The child does not meet the program's eligibility; `details` lists the reasons (age, residence). */
  VOUCHER_NOT_ELIGIBLE: {
    status: 422,
    'zh-CN': '该幼儿不符合本项目的领取条件',
    en: "The child does not meet this program's conditions",
  },
  /** Claiming or applying while a program is not open, outside its dates, after its lottery closed, or for an automatic grant (details.reason). */
  PROGRAM_NOT_ACCEPTING: {
    status: 409,
    'zh-CN': '该补贴项目当前不接受领取或申请',
    en: 'The program does not take claims or applications now',
  },
  /** A program or subsidy-application action its current status does not offer (details: status, action, allowed). */
  SUBSIDY_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前状态为 {status}，不能执行 {action}；可执行：{allowed}',
    en: 'Cannot {action} while the status is {status}; possible: {allowed}',
  },
  /** The program restricts where its vouchers are used (inclusive institutions, or a list) and this institution is not one. */
  VOUCHER_NOT_ACCEPTED_HERE: {
    status: 409,
    'zh-CN': '该补贴券不能在本机构使用',
    en: 'This voucher cannot be used at this institution',
  },
  /** The idempotency key was used before by this institution for a different redemption. */
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    'zh-CN': '该请求编号已用于另一笔核销',
    en: 'This idempotency key was used for a different redemption',
  },
  /** Reversing a redemption that is reversed already. */
  REDEMPTION_ALREADY_REVERSED: { status: 409, 'zh-CN': '该笔核销已撤销', en: 'This redemption has been reversed already' },
  /** Reversing a redemption that a monthly settlement has taken up. */
  REDEMPTION_SETTLED: {
    status: 409,
    'zh-CN': '该笔核销已结算，不能撤销',
    en: 'This redemption has been settled and cannot be reversed',
  },
  /** Reversing a redemption after the calendar month it was made in (Asia/Shanghai). */
  REVERSAL_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '只能撤销当月的核销（该笔核销于{month}）',
    en: 'Only redemptions of the current month can be reversed (this one is of {month})',
  },
  /** Marking paid a settlement that is paid already. */
  SETTLEMENT_ALREADY_PAID: { status: 409, 'zh-CN': '该结算单已支付', en: 'This settlement has been paid already' },
  /** The lottery's application period has not ended, or the draw has been made. */
  LOTTERY_NOT_DUE: {
    status: 409,
    'zh-CN': '摇号时间为{at}，或已经摇号',
    en: 'The draw is due at {at}, or has been made',
  },
  /** Choosing a tax-deduction share that, with the other guardians' choices, would pass 100% of the child's deduction. */
  DEDUCTION_SHARE_CONFLICT: {
    status: 409,
    'zh-CN': '其他监护人已选择扣除{taken}%，合计不能超过100%',
    en: 'Other guardians already take {taken}%; the shares cannot pass 100%',
  },
  /** A certificate or subsidy only filed institutions in operation may have. */
  REQUIRES_FILED_INSTITUTION: {
    status: 409,
    'zh-CN': '只有已备案且正常运营的机构才能办理',
    en: 'Only filed institutions in operation can do this',
  },
  /** Requesting a utility-price certificate while another request of the institution waits for the district. */
  CERTIFICATE_REQUEST_OPEN: {
    status: 409,
    'zh-CN': '已有一份价格证明申请正在等待区卫生健康局审核',
    en: 'A certificate request is already waiting for the district health bureau',
  },
  /** Approving or returning a certificate request that has been decided already. */
  CERTIFICATE_REQUEST_DECIDED: { status: 409, 'zh-CN': '该申请已处理', en: 'This request has been decided already' },
  /** Applying again for a benefit the child has an application for already (one per child). */
  SUBSIDY_ALREADY_CLAIMED: { status: 409, 'zh-CN': '该幼儿已提交过申请', en: 'An application for this child exists already' },
  /** Anything unexpected; the log has the details, the client never does. */
  /** An institution's invitations, or one number's, past their share of a day: each sends an SMS. */
  INVITATIONS_LIMITED: {
    status: 429,
    'zh-CN': '今日邀请次数已达上限（每个机构{perInstitution}次，每个手机号{perPhone}次），请明天再试',
    en: "The day's invitations are used up ({perInstitution} per institution, {perPhone} per number); try again tomorrow",
  },
  /** An invitation past its 7 days: the director sends a new one. */
  INVITATION_EXPIRED: {
    status: 409,
    'zh-CN': '该邀请已过期，请联系机构负责人重新邀请',
    en: 'This invitation has expired; ask the director for a new one',
  },
  /** An invitation the director has revoked (or, for a revocation, one revoked already). */
  INVITATION_REVOKED: { status: 409, 'zh-CN': '该邀请已被撤销', en: 'This invitation has been revoked' },
  /** Granting or taking away one's own roles, or disabling one's own account: another person must. */
  OWN_ACCOUNT_UNCHANGEABLE: {
    status: 403,
    'zh-CN': '不能修改自己的角色或停用自己的账号，请由其他有权限的人员办理',
    en: 'You cannot change your own roles or disable your own account; someone else with the right must',
  },
  /** A role the caller may not grant or take away: wider than their own, or outside their division. */
  ROLE_TOO_WIDE: {
    status: 403,
    'zh-CN': '您只能授予或撤销本辖区内、不超出自己权限的角色',
    en: 'You may only grant or revoke roles within your own area and no wider than your own',
  },
  /** An appointed role named with a division that is not one of its level in force (city for city officials, district for district officials). */
  ROLE_DIVISION_MISMATCH: {
    status: 422,
    'zh-CN': '区划{code}不是该角色对应级别的现行区划（市级人员选市，区县人员选区县）',
    en: 'Division {code} is not a current division of the level this role needs (a city for city officials, a district for district officials)',
  },
  /** Creating an account for a number that has one: grant the role to that account instead. */
  PHONE_HAS_ACCOUNT: {
    status: 409,
    'zh-CN': '该手机号已有账号，请在账号列表中为其授予角色',
    en: 'This number already has an account; grant the role to that account instead',
  },
  /** A deletion request for this account or child is waiting for the admin's decision already. */
  DELETION_REQUEST_OPEN: {
    status: 409,
    'zh-CN': '已有一项针对该对象的删除申请正在审核，请等待处理结果',
    en: 'A deletion request for this is already waiting for review; please wait for its outcome',
  },
  /** Approving would erase a child who still holds a place: the place must end first. */
  DELETION_CHILD_HOLDS_PLACE: {
    status: 409,
    'zh-CN': '该幼儿仍在托，须先由机构办理离园、结束托位后才能删除其数据',
    en: 'The child still holds a place; the institution must end the place before the data of the child can be erased',
  },
  /** The deletion request was approved or rejected already. */
  DELETION_REQUEST_DECIDED: {
    status: 409,
    'zh-CN': '该删除申请已处理',
    en: 'This deletion request has been decided already',
  },
  /** A complaint names an institution that is unknown, never filed (a draft) or closed: there is no one to supervise. */
  COMPLAINT_INSTITUTION_UNAVAILABLE: {
    status: 422,
    'zh-CN': '该机构未备案或已停止运营，无法对其投诉；如有紧急情况请直接联系所在区县卫健局',
    en: 'This institution is not filed or has closed, so it cannot be complained about; in an emergency contact the district health bureau',
  },
  /** Rating comes once the complaint is resolved, once. */
  COMPLAINT_RATING_NOT_OPEN: {
    status: 409,
    'zh-CN': '投诉办结后可评价一次；该投诉尚未办结或已评价',
    en: 'A complaint is rated once, after it is resolved; this one is not resolved or already rated',
  },
  /** Only a message that failed all its tries is sent again by hand; a pending one is on its way, a sent one arrived. */
  MESSAGE_NOT_FAILED: {
    status: 409,
    'zh-CN': '只有发送失败的消息才能重新发送',
    en: 'Only a message that failed can be sent again',
  },
  /** An article step its status does not offer (details: status, action, allowed). */
  ARTICLE_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '文章当前状态为 {status}，不能执行 {action}；可执行：{allowed}',
    en: 'Cannot {action} an article while it is {status}; possible: {allowed}',
  },
  /** Approving an article one wrote, edited or submitted: a second official must approve it. */
  ARTICLE_SECOND_OFFICIAL_REQUIRED: {
    status: 403,
    'zh-CN': '不能审核自己撰写或提交的文章，须由另一位工作人员审核',
    en: 'You wrote or submitted this article; another official must approve it',
  },
  /** Saving an article that is not a draft: approved words change only after going back to draft. */
  ARTICLE_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '文章当前状态为 {status}，只有草稿可以修改；请先退回或撤下',
    en: 'Only a draft can be changed (this article is {status}); return or unpublish it first',
  },
  /** Guidance courses: the session has started (or is over); it takes no booking or change of seats now. */
  SESSION_STARTED: {
    status: 409,
    'zh-CN': '该课次已开始或已结束，不能再预约或更改',
    en: 'This session has started or is over; it can no longer be booked or changed',
  },
  /** Guidance courses: the child's age on the session's date is outside the course's band. */
  COURSE_AGE_MISMATCH: {
    status: 422,
    'zh-CN': '{child}在{date}为{months}个月，本课程面向{from}至{to}个月的幼儿',
    en: '{child} is {months} months old on {date}; this course is for children of {from} to {to} months',
  },
  /** Guidance courses: the child (or the parent, for a parent class) already holds or awaits a seat in this session. */
  ALREADY_BOOKED: { status: 409, 'zh-CN': '已预约过该课次', en: 'This session is booked already' },
  /** Guidance courses: cancelling closes a set time before the session. */
  CANCEL_CLOSED: {
    status: 409,
    'zh-CN': '课次开始前{hours}小时内不能取消预约',
    en: 'A booking cannot be cancelled within {hours} hours of the session',
  },
  /** Guidance courses: a seat offered from the waitlist was not confirmed in time. */
  SEAT_OFFER_EXPIRED: { status: 409, 'zh-CN': '候补名额已过确认期限', en: 'The offered seat was not confirmed in time' },
  /** Guidance courses: the booking was checked in before. */
  ALREADY_CHECKED_IN: { status: 409, 'zh-CN': '该预约已签到', en: 'This booking is checked in already' },
  /** Guidance courses: a rating is given once, after the session ends, for a confirmed seat. */
  FEEDBACK_NOT_OPEN: {
    status: 409,
    'zh-CN': '课次结束后，已确认的预约可评价一次',
    en: 'A confirmed booking can be rated once, after the session ends',
  },
  /** Online lectures: a course at the venue has no link to open. */
  LECTURE_NOT_ONLINE: {
    status: 409,
    'zh-CN': '该课程在现场举办，没有线上直播或回放',
    en: 'This course is held at the venue; it has no live link or recording',
  },
  /** Online lectures: only a confirmed seat opens the lecture (not a place on the waitlist, an offer or a cancelled booking). */
  LECTURE_SEAT_NOT_CONFIRMED: {
    status: 409,
    'zh-CN': '只有已确认的预约可以进入讲座（当前状态：{status}）',
    en: 'Only a confirmed booking opens the lecture (this one is {status})',
  },
  /** Online lectures: the live link and the recording open at the session's start, never before. */
  LECTURE_NOT_STARTED: {
    status: 409,
    'zh-CN': '讲座于{startsAt}开始，开始后才能进入',
    en: 'The lecture starts at {startsAt}; it opens then',
  },
  /** Online lectures: the session is over; the live link (or the recording's window) has closed. */
  LECTURE_OVER: { status: 409, 'zh-CN': '该讲座已结束，不能再进入', en: 'This lecture is over and can no longer be opened' },
  /** Online lectures: finishing is recorded for a lecture the booker opened. */
  LECTURE_NOT_OPENED: { status: 409, 'zh-CN': '请先进入讲座，再确认看完', en: 'Open the lecture before saying you have finished it' },
  /** Online lectures: too early to count as finished (a recording's length since opening; a live lecture's last ten minutes). */
  LECTURE_FINISH_TOO_EARLY: {
    status: 409,
    'zh-CN': '{at}之后才能确认看完',
    en: 'Finishing can be confirmed from {at}',
  },
  /** Online lectures: presence at a live lecture's end is confirmed up to half an hour after it. */
  LECTURE_FINISH_CLOSED: {
    status: 409,
    'zh-CN': '直播已结束超过半小时，不能再确认在场',
    en: 'The live lecture ended more than half an hour ago; presence can no longer be confirmed',
  },
  /** Guidance trainings: the staff member is not on the roster of an institution the director runs (never says whose). */
  TRAINING_STAFF_NOT_YOURS: { status: 404, 'zh-CN': '未找到本机构的该名工作人员', en: 'No such member of your staff' },
  /** Guidance trainings: the staff member has left the institution. */
  TRAINING_STAFF_LEFT: {
    status: 409,
    'zh-CN': '该工作人员已离职，不能报名培训',
    en: 'This member of staff has left and cannot be enrolled',
  },
  /** Guidance trainings: enrolment is closed. */
  TRAINING_CLOSED: { status: 409, 'zh-CN': '该培训已停止报名', en: 'This training no longer takes enrolments' },
  /** Guidance trainings: a director training is for directors, a staff training for the other staff. */
  TRAINING_AUDIENCE_MISMATCH: {
    status: 422,
    'zh-CN': '{staff}的岗位不在本培训的培训对象之内',
    en: "The post of {staff} is not among this training's audience",
  },
  /** Guidance trainings: one enrolment per person per training. */
  TRAINING_ALREADY_ENROLLED: { status: 409, 'zh-CN': '{staff}已报名该培训', en: '{staff} is enrolled in this training already' },
  /** Guidance trainings: attendance is recorded once a session has started. */
  TRAINING_SESSION_NOT_STARTED: {
    status: 409,
    'zh-CN': '课次开始后才能登记考勤',
    en: 'Attendance is recorded once the session has started',
  },
  /** Guidance trainings: completion needs the training's hours attended (params: attended, required). */
  TRAINING_HOURS_SHORT: {
    status: 409,
    'zh-CN': '已参加{attended}学时，不足本培训要求的{required}学时，不能结业',
    en: '{attended} hours attended, fewer than the {required} hours this training requires',
  },
  /** Guidance trainings: only an enrolment still enrolled can be completed (completed ones have their certificate). */
  TRAINING_ENROLMENT_NOT_OPEN: {
    status: 409,
    'zh-CN': '该报名已结业或已退出，不能再次结业',
    en: 'This enrolment is completed or withdrawn already',
  },
  /** Guidance trainings: only an enrolment still enrolled can be withdrawn; a completed one has its certificate. */
  TRAINING_WITHDRAW_NOT_OPEN: {
    status: 409,
    'zh-CN': '该报名已结业（证书已发放）或已退出，不能退出培训',
    en: 'This enrolment is completed (its certificate issued) or withdrawn already; it cannot be withdrawn',
  },
  /** Guidance trainings: the hours printed on issued certificates were measured against the required hours. */
  TRAINING_HOURS_LOCKED: {
    status: 409,
    'zh-CN': '本培训已发放{count}份证书，证书按{hours}学时核定，不能再修改要求学时；如需调整，请另开一期培训',
    en: '{count} certificates of this training were issued against {hours} required hours; the hours can no longer change; schedule a new training instead',
  },
  /** Guidance trainings: the training whose textbook is to be shared does not exist or has none uploaded (details: the field). */
  TRAINING_TEXTBOOK_SOURCE_NOT_FOUND: {
    status: 404,
    'zh-CN': '所选培训不存在或尚未上传培训教材',
    en: 'The chosen training does not exist or has no uploaded textbook',
  },
  /** Guidance trainings: a certificate is revoked once. */
  TRAINING_CERTIFICATE_REVOKED: { status: 409, 'zh-CN': '该证书已撤销', en: 'This certificate is revoked already' },
  /** A round whose district has no filed institution in operation to draw from. */
  INSPECTION_NO_INSTITUTIONS: {
    status: 409,
    'zh-CN': '本区没有已备案且在营的托育机构，无法抽取',
    en: 'The district has no filed institution in operation to draw from',
  },
  /** Fewer active inspectors without a conflict than an inspection needs (details: institutionId, eligible). */
  INSPECTION_TOO_FEW_INSPECTORS: {
    status: 409,
    'zh-CN': '可派检查人员不足：每家机构至少需要{needed}名无利害关系的检查人员',
    en: 'Not enough inspectors: each institution needs at least {needed} without a conflict',
  },
  /** Results are recorded once; a correction is a new targeted inspection. */
  INSPECTION_ALREADY_RECORDED: {
    status: 409,
    'zh-CN': '该检查结果已录入，不能重复录入',
    en: 'The results of this inspection have been recorded already',
  },
  /** A targeted inspection is ordered from a complaint the district has accepted and not yet closed. */
  INSPECTION_COMPLAINT_NOT_IN_HANDLING: {
    status: 409,
    'zh-CN': '只有已受理、正在办理的投诉可以安排检查',
    en: 'An inspection can be ordered only for a complaint accepted and in handling',
  },
  /** One inspection per complaint. */
  INSPECTION_ALREADY_ORDERED: {
    status: 409,
    'zh-CN': '该投诉已安排检查',
    en: 'An inspection has been ordered for this complaint already',
  },
  INTERNAL: { status: 500, 'zh-CN': '系统内部错误，请稍后再试', en: 'Something went wrong on our side; please try again' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;
