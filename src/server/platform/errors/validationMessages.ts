import { ClassStandard } from '../../../domain/classes/classTypes.ts';
import type { Messages } from '../i18n/locale.ts';

/**
 * Words for the checks our own schemas add (refinements). A schema refers to one by its key,
 * e.g. `.refine(isMobilePhone, { message: 'phone.invalid' })`.
 */
export const VALIDATION_MESSAGES = {
  'field.required': { 'zh-CN': '请填写此项', en: 'This is required' },
  'field.number': { 'zh-CN': '请填写数字', en: 'Enter a number' },
  'field.boolean': { 'zh-CN': '请选择是或否', en: 'Choose yes or no' },
  'field.text': { 'zh-CN': '请填写文字', en: 'Enter text' },
  'field.list': { 'zh-CN': '应为一组选项', en: 'Give a list' },
  'phone.invalid': { 'zh-CN': '请输入11位手机号码', en: 'Enter an 11-digit mobile number' },
  'email.invalid': { 'zh-CN': '请输入正确的电子邮箱地址', en: 'Enter a valid e-mail address' },
  'outbox.recipient_required': {
    'zh-CN': '请填写手机号码（phone）或电子邮箱（email）其中一项',
    en: 'Give a phone number or an e-mail address, one of the two',
  },
  'date.invalid': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'months.order': { 'zh-CN': '结束月份不能早于开始月份', en: 'The last month cannot be before the first' },
  'months.span': { 'zh-CN': '一次最多查询60个月', en: 'Ask for at most 60 months at a time' },
  'division.code': { 'zh-CN': '区划代码应为6位或9位数字', en: 'A division code has 6 or 9 digits' },
  'password.weak': { 'zh-CN': '密码至少10位，且需包含字母和数字', en: 'A password needs at least 10 characters with letters and digits' },
  'password.too_short': { 'zh-CN': '密码至少8位', en: 'A password needs at least 8 characters' },
  'password.is_phone': { 'zh-CN': '密码不能包含手机号码', en: 'The password cannot contain the phone number' },
  'password.too_common': {
    'zh-CN': '这个密码太常见，容易被猜到，请换一个',
    en: 'This password is too common and easy to guess; choose another',
  },
  'code.format': { 'zh-CN': '验证码为6位数字', en: 'The code has 6 digits' },
  'totp.format': { 'zh-CN': '动态码为6位数字', en: 'The code has 6 digits' },
  'date.future': { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be later than today' },
  'dates.list': { 'zh-CN': '日期格式应为 YYYY-MM-DD，多个日期用逗号分隔', en: 'Dates are written YYYY-MM-DD, separated by commas' },
  'sex.invalid': { 'zh-CN': '性别应为 male（男）或 female（女）', en: 'Sex is "male" or "female"' },
  'measurement.positive': { 'zh-CN': '测量值应为大于0的数字', en: 'A measurement is a number greater than 0' },
  'growth.ageDays': { 'zh-CN': '日龄应为0或更大的数字', en: 'Age in days is a number of 0 or more' },
  'growth.ageOrBirthDate': {
    'zh-CN': '请填写日龄（ageDays）或出生日期（birthDate）其中一项，不能两项都填或都不填',
    en: 'Give either ageDays or birthDate, not both and not neither',
  },
  'growth.measuredOnNeedsBirthDate': { 'zh-CN': '测量日期需与出生日期一起填写', en: 'measuredOn goes with birthDate, not with ageDays' },
  'growth.measuredBeforeBirth': { 'zh-CN': '测量日期不能早于出生日期', en: 'The measurement date is before the birth date' },
  'growth.curveRange': {
    'zh-CN': '图表范围无效：年龄为0–1826天的整数，身长45–110厘米，身高65–120厘米，步长为整天或0.1厘米的倍数',
    en: 'Chart range not valid: age in whole days 0–1826, length 45–110 cm, height 65–120 cm, step in whole days or multiples of 0.1 cm',
  },
  'checks.doneBeforeBirth': { 'zh-CN': '体检日期不能早于出生日期', en: 'A check date cannot be before the birth date' },
  'checks.discharge': { 'zh-CN': '出院日期应在出生后0–20天内', en: 'The discharge date is 0–20 days after birth' },
  'warningSigns.ageOrBirthDate': {
    'zh-CN': '月龄（ageMonths）和出生日期（birthDate）只能填写一项',
    en: 'Give ageMonths or birthDate, not both',
  },
  'warningSigns.noChecklist': {
    'zh-CN': '该年龄没有发育预警征象筛查表（适用于3月龄至4岁前）',
    en: 'There is no warning-sign checklist for this age (3 months to under 4 years)',
  },
  'warningSigns.unknownSign': { 'zh-CN': '该征象不在此年龄的筛查表中', en: 'This sign is not on the checklist for this age' },
  'id.invalid': { 'zh-CN': '编号格式不正确', en: 'The id is malformed' },
  'residentId.invalid': {
    'zh-CN': '身份证号码不正确（校验位不符或出生日期无效）',
    en: 'The resident ID number is not valid (check character or birth date)',
  },
  'residentId.mismatch': {
    'zh-CN': '身份证号码中的出生日期或性别与填写的不一致',
    en: 'The birth date or sex in the resident ID number does not match',
  },
  'birthDate.future': { 'zh-CN': '出生日期不能晚于今天', en: 'The birth date cannot be in the future' },
  'birthDate.tooOld': {
    'zh-CN': '本平台服务3岁以下婴幼儿，该出生日期已满3岁',
    en: 'tuoyu serves children under 3; this child is already 3',
  },
  'startDate.past': { 'zh-CN': '入托日期不能早于今天', en: 'The start date cannot be in the past' },
  'startDate.afterThree': { 'zh-CN': '入托日期时幼儿已满3岁', en: 'The child is 3 by the start date' },
  'startDate.tooYoung': {
    'zh-CN': '入托日期时幼儿不满6个月，托育机构暂不接收',
    en: 'The child is under 6 months on the start date; institutions take children from 6 months',
  },
  'institution.notAccepting': { 'zh-CN': '所选机构不存在或未备案', en: 'The institution does not exist or is not filed' },
  'institutions.duplicate': { 'zh-CN': '同一机构不能重复选择', en: 'Choose each institution once' },
  'institution.placedHere': { 'zh-CN': '该幼儿已在所选机构入托', en: 'The child already holds a place at a chosen institution' },
  'class.notAvailable': { 'zh-CN': '班级不存在或未备案', en: 'The class does not exist or is not filed' },
  'class.overMaximum.infant': {
    'zh-CN': `乳儿班最多${ClassStandard.infant.maxChildren}人（国家标准），请减少托位数`,
    en: `An infant class takes at most ${ClassStandard.infant.maxChildren} children (national standard); lower the places`,
  },
  'class.overMaximum.toddler': {
    'zh-CN': `托小班最多${ClassStandard.toddler.maxChildren}人（国家标准），请减少托位数`,
    en: `A toddler class takes at most ${ClassStandard.toddler.maxChildren} children (national standard); lower the places`,
  },
  'class.overMaximum.older_toddler': {
    'zh-CN': `托大班最多${ClassStandard.older_toddler.maxChildren}人（国家标准），请减少托位数`,
    en: `An older toddler class takes at most ${ClassStandard.older_toddler.maxChildren} children (national standard); lower the places`,
  },
  'class.overMaximum.mixed': {
    'zh-CN': `混龄班最多${ClassStandard.mixed.maxChildren}人（国家标准），请减少托位数`,
    en: `A mixed-age class takes at most ${ClassStandard.mixed.maxChildren} children (national standard); lower the places`,
  },
  'filing.reasonRequired': {
    'zh-CN': '该机构仍有合规问题，予以备案须写明理由',
    en: 'The institution still has compliance problems; give the reason for filing it anyway',
  },
  'class.wrongType': { 'zh-CN': '班级类型与幼儿在入托日期的月龄不符', en: 'The class type does not fit the child’s age on the start date' },
  'priorities.duplicate': { 'zh-CN': '同一优先条件只能选择一次', en: 'State each priority once' },
  'expiresAt.range': { 'zh-CN': '有效期须在现在之后的30天内', en: 'The expiry must be within the next 30 days' },
  'endDate.beforeStart': { 'zh-CN': '离园日期不能早于入托日期', en: 'The end date cannot be before the start date' },
  'division.notTownship': { 'zh-CN': '请选择所在乡镇（街道）', en: 'Choose a township or subdistrict' },
  'creditCode.invalid': {
    'zh-CN': '统一社会信用代码应为18位，且校验位正确',
    en: 'A unified social credit code has 18 characters and a matching check character',
  },
  'location.pair': { 'zh-CN': '纬度和经度需同时提供', en: 'Give latitude and longitude together' },
  'search.radiusNeedsPoint': { 'zh-CN': '按距离搜索时需提供纬度和经度', en: 'A search radius needs latitude and longitude' },
  'search.startBeforeBirth': { 'zh-CN': '入托日期不能早于出生日期', en: 'The start date cannot be before the birth date' },
  'search.startNeedsBirthDate': { 'zh-CN': '入托日期需与出生日期一起填写', en: 'startDate goes with birthDate' },
  'fee.range': { 'zh-CN': '最低费用不能高于最高费用', en: 'feeFrom cannot be more than feeTo' },
  'yuan.amount': { 'zh-CN': '金额以元为单位，最多两位小数', en: 'Amounts are in yuan with at most two decimals' },
  'time.hhmm': { 'zh-CN': '时间格式应为 HH:MM（24小时制）', en: 'Times are written HH:MM (24-hour clock)' },
  'hours.order': { 'zh-CN': '结束时间应晚于开始时间', en: 'Closing time must be after opening time' },
  'division.township': { 'zh-CN': '请选择乡镇（街道），区划代码为9位', en: 'Choose a township: its division code has 9 digits' },
  'reason.required': { 'zh-CN': '请填写原因', en: 'Give a reason' },
  'designation.level': {
    'zh-CN': '试点和示范需填写级别（市级、省级、国家级），普惠不填级别',
    en: 'Pilots and demonstrations need a level (city, provincial, national); inclusive has none',
  },
  'designation.inclusiveTerms': {
    'zh-CN': '普惠认定需填写协议期限（截止日期）和至少一个班型的收费上限',
    en: 'An inclusive designation needs an agreement end date and a price cap for at least one class type',
  },
  'upload.documentType': {
    'zh-CN': '上传备案材料时需填写材料类型（documentType），上传照片时不填',
    en: 'documentType is required for documents and not allowed for photos',
  },
  'dates.range': { 'zh-CN': '截止日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'month.invalid': { 'zh-CN': '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' },
  'month.future': { 'zh-CN': '该月份尚未开始', en: 'That month has not started yet' },
  'time.instant': { 'zh-CN': '时间应为带时区的 ISO 8601 格式', en: 'Times are ISO 8601 instants with an offset' },
  'time.future': { 'zh-CN': '时间不能晚于现在', en: 'The time cannot be later than now' },
  'attendance.timeNotOnDay': { 'zh-CN': '时间须在该日内（北京时间）', en: 'The time must fall on that day (Asia/Shanghai)' },
  'attendance.checkOutBeforeCheckIn': { 'zh-CN': '离园时间不能早于入园时间', en: 'Check-out cannot be before check-in' },
  'attendance.pickupWithCheckOut': {
    'zh-CN': '离园时须填写接送人（监护人或授权接送人），未离园时不填',
    en: 'Give who picked the child up together with the check-out time, and only then',
  },
  'date.notEnrolled': { 'zh-CN': '该日幼儿不在本机构在托', en: 'The child was not enrolled at this institution on that day' },
  'temperature.range': {
    'zh-CN': '体温应在34.0–43.0℃之间，最多一位小数',
    en: 'The temperature is 34.0–43.0 °C with at most one decimal',
  },
  'symptoms.duplicate': { 'zh-CN': '同一症状只能填写一次', en: 'List each symptom once' },
  'children.duplicate': { 'zh-CN': '同一幼儿只能选择一次', en: 'Choose each child once' },
  'update.empty': { 'zh-CN': '请至少填写一项要修改的内容', en: 'Give at least one field to change' },
  'incident.informedBeforeOccurred': {
    'zh-CN': '通知家长时间不能早于事件发生时间',
    en: 'Parents cannot be informed before the incident happened',
  },
  'voucher.code': { 'zh-CN': '券码不正确，请核对后重新输入', en: 'The voucher code is not valid; check it and try again' },
  'voucher.amountOverFace': { 'zh-CN': '核销金额不能超过补贴券面额', en: 'The amount cannot exceed the voucher’s face value' },
  'voucher.amountOverDue': {
    'zh-CN': '核销金额不能超过该收费明细的应缴金额',
    en: 'The amount cannot exceed what the statement still asks for',
  },
  'voucher.otherChild': { 'zh-CN': '该补贴券不属于这份收费明细中的幼儿', en: 'The voucher belongs to another child than the statement' },
  'program.faceOverBudget': { 'zh-CN': '面额不能超过预算', en: 'The face value cannot exceed the budget' },
  'program.lotteryAt': {
    'zh-CN': '摇号项目需填写摇号时间，其他发放方式不填',
    en: 'lotteryAt is required for a lottery and not allowed otherwise',
  },
  'program.residence': { 'zh-CN': '居住地区划须在本项目所属区划内', en: 'Residence divisions must lie within the program’s division' },
  'program.notDraft': { 'zh-CN': '项目开放后不能修改发放规则和预算', en: 'Rules and budget cannot change once the program has opened' },
  'settlement.monthNotStarted': { 'zh-CN': '该月份尚未开始，不能结算', en: 'That month has not started, so it cannot be settled' },
  'taxYear.range': { 'zh-CN': '年份须在2022年至今之间', en: 'The year must be from 2022 to this year' },
  'share.percent': { 'zh-CN': '扣除比例为100（一方全额）或50（双方各半）', en: 'The share is 100 (one parent) or 50 (each parent half)' },
  'subsidy.amountRequired': { 'zh-CN': '批准时须填写核定金额', en: 'Give the approved amount' },
  'childcareSubsidy.none': {
    'zh-CN': '该幼儿没有可领取育儿补贴的月份（须在政策开始后且未满3周岁）',
    en: 'The child has no months due (after the policy started and before turning 3)',
  },
  'policy.rates': { 'zh-CN': '标准须按起始月份排列且不重复', en: 'Rate steps must be in order of their start month, each month once' },
  'subsidy.inclusiveOnly': {
    'zh-CN': '新增托位补贴仅限认定在有效期内的普惠托育机构申请',
    en: 'The per-place subsidy is for institutions with an inclusive designation in force',
  },
  'growth.weightRange': { 'zh-CN': '体重应在0.2–60千克之间，最多3位小数', en: 'Weight is 0.2–60 kg with at most 3 decimals' },
  'growth.lengthRange': { 'zh-CN': '身长/身高应在20–150厘米之间，最多1位小数', en: 'Length or height is 20–150 cm with at most 1 decimal' },
  'growth.headRange': { 'zh-CN': '头围应在15–70厘米之间，最多1位小数', en: 'Head circumference is 15–70 cm with at most 1 decimal' },
  'growth.weightImplausible': {
    'zh-CN': '该体重超出这个年龄孩子的合理范围（世界卫生组织标准），请核对单位和小数点',
    en: 'This weight is not possible at this age (WHO standards); check the unit and the decimal point',
  },
  'growth.lengthImplausible': {
    'zh-CN': '该身长/身高超出这个年龄孩子的合理范围（世界卫生组织标准），请核对单位和小数点',
    en: 'This length or height is not possible at this age (WHO standards); check the unit and the decimal point',
  },
  'growth.headImplausible': {
    'zh-CN': '该头围超出这个年龄孩子的合理范围（世界卫生组织标准），请核对单位和小数点',
    en: 'This head circumference is not possible at this age (WHO standards); check the unit and the decimal point',
  },
  'growth.weightUnlikely': {
    'zh-CN': '体重偏离同龄儿童3个标准差以上，请确认数值无误',
    en: 'The weight is more than 3 SD from children of this age; confirm it is right',
  },
  'growth.lengthUnlikely': {
    'zh-CN': '身长/身高偏离同龄儿童3个标准差以上，请确认数值无误',
    en: 'The length or height is more than 3 SD from children of this age; confirm it is right',
  },
  'growth.headUnlikely': {
    'zh-CN': '头围偏离同龄儿童3个标准差以上，请确认数值无误',
    en: 'The head circumference is more than 3 SD from children of this age; confirm it is right',
  },
  'growth.needMeasurement': {
    'zh-CN': '请至少填写体重、身长/身高或头围中的一项',
    en: 'Give at least one of weight, length or height, and head circumference',
  },
  'growth.positionRequired': {
    'zh-CN': '填写身长/身高时请选择测量方式（卧位或立位）',
    en: 'With a length or height, say how it was measured (lying or standing)',
  },
  'growth.positionWithoutLength': { 'zh-CN': '未填写身长/身高时不需要测量方式', en: 'A position goes with a length or height only' },
  'alerts.feverFrom': { 'zh-CN': '发热标准应在37.0–38.5℃之间，1位小数', en: 'The fever line is 37.0–38.5 °C with 1 decimal' },
  'alerts.casesPerDay': { 'zh-CN': '预警人数应为2–20之间的整数', en: 'The alert threshold is a whole number from 2 to 20' },
  'text.unstorable': {
    'zh-CN': '内容含有无法保存的字符（空字符或残缺的Unicode字符），请删除后重试',
    en: 'The text contains a character that cannot be stored (a NUL or a broken Unicode character); remove it and try again',
  },
  'dates.order': { 'zh-CN': '开始日期不能晚于结束日期', en: 'The start date cannot be after the end date' },
} as const satisfies Record<string, Messages>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
