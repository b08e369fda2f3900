import { isErrorCode, type TErrorCode, type TErrorParams } from '@hotline/contracts';
import { labelOf } from './labels';
import { DEFAULT_LOCALE, fmt, isLocale, LOCALES, MESSAGES, type Locale, type Messages } from './messages';

/**
 * What an API refusal says to the reader, by its stable `code` (libs/contracts ERROR_CODES).
 * The API's English `message` is for logs and other clients; a Chinese reader never sees it.
 * Both languages must name every code (tsc checks it). `{name}` is filled from the error's
 * params; raw ids are never shown, and statuses, actions and roles are said in the reader's words.
 */
const zhCN = {
  'request.invalid': '请求有误，请检查后重试。',
  'auth.required': '请先登录。',
  forbidden: '您没有执行该操作的权限。',
  not_found: '未找到该记录，或您无权查看。',
  'route.not_found': '请求的功能不存在。',
  conflict: '数据刚被其他人修改，请刷新后重试。',
  'request.unprocessable': '请求无法处理，请检查后重试。',
  internal: '服务器出错，请稍后重试。',
  'service.unavailable': '服务暂时不可用，请稍后重试。',

  'validation.invalid_input': '填写的内容有误，请按提示修改。',
  'request.invalid_json': '请求格式不正确。',
  'request.empty_json': '请求内容为空。',
  'request.body_too_large': '提交的内容太大，请精简后重试。',
  'request.unsupported_media_type': '不支持的提交格式。',
  'request.cross_site': '该操作来自其他网站，已拒绝。请在本系统页面内操作。',
  'request.hostile_input': '提交的内容含有不允许的字符或结构。',
  'request.invalid_idempotency_key': '提交标识无效，请刷新页面后重试。',
  'request.idempotency_key_reused': '这次提交与之前的提交内容不一致，请刷新页面后重试。',
  'request.invalid_cursor': '翻页位置已失效，请从第一页重新查看。',
  'request.invalid_range': '开始时间不能晚于结束时间。',
  'rate_limit.exceeded': '操作太频繁，请 {seconds} 秒后再试。',

  'database.duplicate': '该记录已存在。',
  'database.missing_reference': '引用的记录不存在。',
  'database.invalid_value': '有一项内容格式不正确。',
  'database.value_too_complex': '有一项内容过大或层级过深。',

  'auth.invalid_credentials': '用户名或密码错误。',
  'auth.login_backoff': '该用户名从您的地址输错密码次数过多，请 {seconds} 秒后再试。',
  'auth.account_disabled': '该账号已停用，请联系系统管理员。',
  'auth.session_invalid': '登录已失效，请重新登录。',
  'auth.signed_out': '您已退出登录，请重新登录。',
  'auth.session_revoked': '账号信息已变更，请重新登录。',
  'auth.session_ended': '登录已结束，请重新登录。',
  'auth.no_refresh_token': '登录已结束，请重新登录。',
  'auth.route_closed': '该功能未开放。',
  'auth.forbidden_role': '您的角色无权执行该操作。',
  'auth.admin_only': '只有系统管理员可以执行该操作。',

  'case.not_found': '未找到该工单，或该工单不属于您的单位。',
  'case.version_conflict': '该工单刚被其他人修改，请刷新后重新操作。',
  'case.invalid_transition': '工单当前为「{status}」，不能执行「{action}」。',
  'case.forbidden_role': '{role}不能对工单执行「{action}」。',
  'case.lead_bureau_only': '只有主办单位可以执行该操作；协办单位请提交协办意见。',
  'case.same_bureau': '工单已在该单位，请选择其他单位改派。',
  'case.merged_follows_parent': '该工单已并入主工单，请对主工单执行重办。',
  'case.closed_at_intake': '该工单在登记时已办结，未派给任何单位；请重新登记。',
  'case.merge_into_itself': '工单不能并入自身。',
  'case.parent_not_found': '要并入的主工单不存在。',
  'case.parent_merged': '该主工单本身已被并单，请并入它的主工单。',
  'case.parent_closed': '该主工单已办结，请并入未办结的工单。',
  'case.closed': '该工单已办结，不能再执行该操作。',
  'contact.lead_bureau_only': '只有主办单位可以联系诉求人。',
  'contact.confidential': '该工单为保密件，由热线联系诉求人。',
  'contact.no_consent': '诉求人不同意承办单位直接联系。',

  'public.case_not_found': '工单编号或查询码不正确。',
  'public.case_merged': '您的诉求已并入另一工单，将随该工单一并办理。',
  'public.feedback_closed': '该工单已办结，不再接受评价。',
  'public.feedback_not_open': '承办单位答复后才能评价。',

  'category.not_found': '所选诉求分类不存在。',
  'follow_up.retry_in_past': '再次回访时间须晚于现在。',
  'follow_up.retry_too_far': '再次回访时间须在 14 天以内。',
  'follow_up.retry_required': '“约定回电”须填写市民约定的时间。',
  'follow_up.retry_not_taken': '号码错误或拒绝回访的，无需填写再次回访时间。',
  'follow_up.not_awaiting': '只有已答复、待回访的工单才能登记回访尝试。',
  'search.phone_too_short': '请至少输入电话号码的 4 位数字。',
  'search.tracking_too_short': '请输入完整工单号，或至少其中 6 位数字。',
  'district.not_found': '所选区县不存在。',
  'street.not_found': '所选街道不存在。',
  'street.not_in_district': '所选街道不在该区县内。',
  'bureau.not_found': '所选承办单位不存在。',
  'bureau.inactive': '承办单位 {code} 已停用，不能接收工单。',
  'bureau.code_taken': '单位编码 {code} 已被使用。',

  'user.not_found': '该用户不存在。',
  'user.username_taken': '用户名 {username} 已被使用。',
  'user.bureau_required': '承办单位人员必须选择所属单位。',
  'user.bureau_not_allowed': '只有承办单位人员属于某个单位，请不要选择单位。',
  'user.cannot_change_own_role': '不能修改自己的角色，请由其他管理员操作。',
  'user.cannot_disable_self': '不能停用自己的账号。',

  'api_key.not_found': '该接口密钥不存在。',
  'api_key.already_revoked': '该接口密钥已被吊销。',

  'dispatch_rule.not_found': '该派单规则不存在。',
  'dispatch_rule.version_conflict': '其他人刚修改了这条规则，请重新加载后再修改。',
  'dispatch_rule.inactive': '该派单规则已停用，不能再修改。',
  'dispatch_rule.duplicate': '该分类和区域已有一条派单规则。',
  'dispatch_rule.lead_also_assisting': '主办单位不能同时作为协办单位。',

  'policy.not_found': '该时限策略不存在或已停用。',
  'policy.duplicate': '该分类、诉求类型和紧急程度已有生效的时限策略。',
  'policy.version_conflict': '其他人刚修改了这条策略，请重新加载后再修改。',
  'calendar.makeup_day_not_weekend': '{day} 是工作日；只有周末才能设为调休上班日。',
  'calendar.holiday_on_weekend': '{day} 是周末，本来就休息。',
  'calendar.day_not_special': '{day} 已是普通日期。',
  'calendar.invalid_periods': '工作时段无效：时段不能重叠，结束时间须晚于开始时间。',
  'calendar.version_conflict': '其他人刚修改了日历设置，请刷新后重试。',
  'rules.version_conflict': '其他人刚保存了新版本的热线规则，请刷新后重试。',

  'deadline.not_running': '该工单没有正在计时的{kind}时限。',
  'deadline.paused': '时限已暂停，请先恢复计时。',
  'deadline.already_paused': '时限已经暂停。',
  'deadline.not_paused': '时限没有暂停。',
  'deadline.pause_not_allowed': '该工单的时限策略不允许暂停。',
  'extension.deadline_passed': '时限已过，延期须在到期前申请。',
  'extension.due_before_deadline': '申请延至的时间必须晚于当前时限（{dueAt}）。',
  'extension.already_pending': '该时限已有一条延期申请在等待审批。',
  'extension.not_found': '该延期申请不存在。',
  'extension.already_decided': '该延期申请已经{status}。',

  'supervision.due_in_past': '督办期限必须是将来的时间。',
  'supervision.case_closed': '该工单已办结，不能再发督办单。',
  'supervision.notice_not_found': '该督办单不存在。',
  'supervision.notice_not_open': '该督办单已{status}。',
  'notification.not_found': '该通知不存在。',

  'analytics.no_bureau': '您的账号未关联承办单位。',
  'analytics.other_bureau': '承办单位只能查看本单位的数据。',
  'analytics.weights_zero': '至少要有一项排名权重大于 0。',
  'monthly_theme.duplicate': '该分类（及街道）已是当月的每月一题。',

  'open311.invalid_format': '格式必须是 .xml 或 .json。',
  'open311.api_key_required': '缺少接口密钥。',
  'open311.api_key_invalid': '接口密钥无效或已被吊销。',
  'open311.jurisdiction_not_found': '未找到该辖区。',
  'open311.service_not_found': '未找到该服务。',
  'open311.invalid_request': '请求内容有误。',
  'open311.address_not_found': '未找到该地址编码。',
  'open311.outside_jurisdiction': '该位置不在本市辖区内。',
  'open311.endpoint_not_found': '未找到该接口。',
  'open311.request_not_found': '未找到该诉求。',
  'open311.token_not_found': '未找到该凭证。',
} satisfies Record<TErrorCode, string>;

const en = {
  'request.invalid': 'The request is not valid; check it and try again.',
  'auth.required': 'Please sign in first.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found, or you may not see it.',
  'route.not_found': 'That function does not exist.',
  conflict: 'Someone else changed this just now; refresh and try again.',
  'request.unprocessable': 'The request cannot be processed; check it and try again.',
  internal: 'Server error; please try again later.',
  'service.unavailable': 'The service is unavailable for a moment; please try again later.',

  'validation.invalid_input': 'Some entries are not valid; correct them as shown.',
  'request.invalid_json': 'The request is not in a valid format.',
  'request.empty_json': 'The request is empty.',
  'request.body_too_large': 'What you sent is too large; shorten it and try again.',
  'request.unsupported_media_type': 'That submission format is not supported.',
  'request.cross_site': 'Refused: the request came from another site. Please act from this application.',
  'request.hostile_input': 'The submission contains characters or structure that are not allowed.',
  'request.invalid_idempotency_key': 'The submission id is not valid; reload the page and try again.',
  'request.idempotency_key_reused': 'This submission differs from the earlier one; reload the page and try again.',
  'request.invalid_cursor': 'That page position has expired; start again from the first page.',
  'request.invalid_range': 'The start must not be after the end.',
  'rate_limit.exceeded': 'Too many requests; try again in {seconds} seconds.',

  'database.duplicate': 'That record already exists.',
  'database.missing_reference': 'A record it refers to does not exist.',
  'database.invalid_value': 'A value has the wrong format.',
  'database.value_too_complex': 'A value is too large or too deeply nested.',

  'auth.invalid_credentials': 'Wrong username or password.',
  'auth.login_backoff': 'Too many wrong passwords for this username from your address; try again in {seconds} seconds.',
  'auth.account_disabled': 'This account is disabled; ask an administrator.',
  'auth.session_invalid': 'Your session is invalid or has expired; please sign in again.',
  'auth.signed_out': 'You have signed out; please sign in again.',
  'auth.session_revoked': 'Your account changed; please sign in again.',
  'auth.session_ended': 'Your session has ended; please sign in again.',
  'auth.no_refresh_token': 'Your session has ended; please sign in again.',
  'auth.route_closed': 'This function is not open.',
  'auth.forbidden_role': 'Your role may not do this.',
  'auth.admin_only': 'Only administrators may do this.',

  'case.not_found': 'No such case, or it is not for your bureau.',
  'case.version_conflict': 'Someone else changed this case just now; refresh and try again.',
  'case.invalid_transition': 'The case is "{status}": "{action}" is not possible now.',
  'case.forbidden_role': 'A {role} may not do "{action}" on a case.',
  'case.lead_bureau_only': 'Only the lead bureau can do this; assisting bureaus add their contribution.',
  'case.same_bureau': 'The case is already with that bureau; choose another one to redispatch.',
  'case.merged_follows_parent': 'This case was merged and follows its parent; reopen the parent case instead.',
  'case.closed_at_intake': 'This case was closed at intake and never had a bureau; register a new case instead.',
  'case.merge_into_itself': 'A case cannot be merged into itself.',
  'case.parent_not_found': 'The case to merge into does not exist.',
  'case.parent_merged': 'That case is itself merged; merge into its parent instead.',
  'case.parent_closed': 'That case is closed; merge into an open case.',
  'case.closed': 'The case is closed; this is no longer possible.',
  'contact.lead_bureau_only': 'Only the lead bureau may contact the citizen.',
  'contact.confidential': 'This case is confidential: the hotline contacts the citizen.',
  'contact.no_consent': 'The citizen did not agree to be contacted by the bureau.',

  'public.case_not_found': 'The tracking number or access code is not correct.',
  'public.case_merged': 'Your request was merged into another case and is handled with it.',
  'public.feedback_closed': 'This case is closed; feedback is no longer taken.',
  'public.feedback_not_open': 'Feedback opens once the bureau has replied to your request.',

  'category.not_found': 'The chosen category does not exist.',
  'follow_up.retry_in_past': 'The time to call again must be in the future.',
  'follow_up.retry_too_far': 'The time to call again must be within 14 days.',
  'follow_up.retry_required': '"Call back later" needs the time the citizen asked for.',
  'follow_up.retry_not_taken': 'A wrong number or a refusal takes no time to call again.',
  'follow_up.not_awaiting': 'Only a replied case awaiting follow-up takes follow-up attempts.',
  'search.phone_too_short': 'Enter at least 4 digits of the phone number.',
  'search.tracking_too_short': 'Enter the tracking number, or at least 6 of its digits.',
  'district.not_found': 'The chosen district does not exist.',
  'street.not_found': 'The chosen street does not exist.',
  'street.not_in_district': 'The chosen street is not in that district.',
  'bureau.not_found': 'The chosen bureau does not exist.',
  'bureau.inactive': 'Bureau {code} is deactivated and cannot receive cases.',
  'bureau.code_taken': 'The bureau code {code} is already used.',

  'user.not_found': 'No such user.',
  'user.username_taken': 'The username {username} is already taken.',
  'user.bureau_required': 'A bureau handler must belong to a bureau: choose one.',
  'user.bureau_not_allowed': 'Only bureau handlers belong to a bureau: leave it empty.',
  'user.cannot_change_own_role': 'You cannot change your own role; ask another administrator.',
  'user.cannot_disable_self': 'You cannot disable your own account.',

  'api_key.not_found': 'No such API key.',
  'api_key.already_revoked': 'That API key is already revoked.',

  'dispatch_rule.not_found': 'No such dispatch rule.',
  'dispatch_rule.version_conflict': 'Someone else changed this rule; reload it and make your change again.',
  'dispatch_rule.inactive': 'This dispatch rule is deactivated and can no longer change.',
  'dispatch_rule.duplicate': 'A rule for this category and area already exists.',
  'dispatch_rule.lead_also_assisting': 'The lead bureau cannot also be an assisting bureau.',

  'policy.not_found': 'No such active policy.',
  'policy.duplicate': 'An active policy already exists for this category, request type and urgency.',
  'policy.version_conflict': 'Someone else changed this policy; reload it and try again.',
  'calendar.makeup_day_not_weekend': '{day} is a weekday; only a weekend day can be a make-up working day.',
  'calendar.holiday_on_weekend': '{day} is a weekend day and already off.',
  'calendar.day_not_special': '{day} is an ordinary day already.',
  'calendar.invalid_periods':
    'The working periods are not valid: they must not overlap and each must end after it starts.',
  'calendar.version_conflict': 'Someone changed the calendar settings first; reload and try again.',
  'rules.version_conflict': 'Someone saved another version of the hotline rules first; reload and try again.',

  'deadline.not_running': 'This case has no running {kind} deadline.',
  'deadline.paused': 'The clock is paused; resume it first.',
  'deadline.already_paused': 'The clock is already paused.',
  'deadline.not_paused': 'The clock is not paused.',
  'deadline.pause_not_allowed': 'The deadline policy of this case does not allow pausing.',
  'extension.deadline_passed': 'The deadline has already passed; an extension must be asked for before it.',
  'extension.due_before_deadline': 'The new due time must be later than the current deadline ({dueAt}).',
  'extension.already_pending': 'An extension request for this deadline is already waiting for a decision.',
  'extension.not_found': 'No such extension request.',
  'extension.already_decided': 'This request was already {status}.',

  'supervision.due_in_past': 'The due time must be in the future.',
  'supervision.case_closed': 'The case is closed; a supervision notice needs an open case.',
  'supervision.notice_not_found': 'No such supervision notice.',
  'supervision.notice_not_open': 'This notice is already {status}.',
  'notification.not_found': 'No such notification.',

  'analytics.no_bureau': 'Your account is not linked to a bureau.',
  'analytics.other_bureau': "Bureau handlers can see only their own bureau's figures.",
  'analytics.weights_zero': 'At least one ranking weight must be above 0.',
  'monthly_theme.duplicate': 'This category (and street) is already the theme of that month.',

  'open311.invalid_format': 'The format must be .xml or .json.',
  'open311.api_key_required': 'An API key is required.',
  'open311.api_key_invalid': 'The API key is invalid or has been revoked.',
  'open311.jurisdiction_not_found': 'Jurisdiction not found.',
  'open311.service_not_found': 'Service not found.',
  'open311.invalid_request': 'The request is not valid.',
  'open311.address_not_found': 'Address code not found.',
  'open311.outside_jurisdiction': 'The location lies outside the jurisdiction.',
  'open311.endpoint_not_found': 'Endpoint not found.',
  'open311.request_not_found': 'Request not found.',
  'open311.token_not_found': 'Token not found.',
} satisfies Record<TErrorCode, string>;

export const ERROR_TEXT: Record<Locale, Record<TErrorCode, string>> = { 'zh-CN': zhCN, en };

/** For a refusal without a code we know (an older API, a proxy's page): never its raw English. */
export const UNKNOWN_ERROR: Record<Locale, string> = {
  'zh-CN': '操作未成功，请稍后重试。',
  en: 'That did not work; please try again later.',
};

/** The generic code for a status, when the body names none we know. */
function codeForStatus(status: number): TErrorCode | null {
  if (status === 401) return 'auth.required';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'request.body_too_large';
  if (status === 429) return 'rate_limit.exceeded';
  if (status === 503) return 'service.unavailable';
  if (status >= 500) return 'internal';
  return null;
}

const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { approved: '批准', rejected: '驳回', answered: '回复', closed: '关闭', cancelled: '撤销', expired: '过期' },
  en: { approved: 'approved', rejected: 'rejected', answered: 'answered', closed: 'closed', cancelled: 'cancelled' },
};

/**
 * Params as the reader says them: a case status, action, role or clock kind in their words,
 * a time in their format. Values of other names (a username, a day, seconds) pass as they are.
 */
function localParams(locale: Locale, code: TErrorCode, params: TErrorParams | undefined): Record<string, string> {
  const t = MESSAGES[locale];
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(params ?? {})) {
    const v = String(raw);
    if (name === 'status')
      out[name] = code.startsWith('case.') ? (labelOf(t.enums.status, v) ?? v) : (STATUS_WORDS[locale][v] ?? v);
    else if (name === 'action') out[name] = labelOf(t.enums.action, v) ?? v;
    else if (name === 'role') out[name] = labelOf(t.roles, v) ?? v;
    else if (name === 'kind') out[name] = labelOf(t.board.kinds, v) ?? v;
    else if (name === 'until' || name === 'dueAt') {
      const d = new Date(v);
      out[name] = Number.isNaN(d.getTime())
        ? v
        : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    } else out[name] = v;
  }
  return out;
}

/**
 * The sentence for an API refusal in the reader's language: by its code and params, else by
 * its HTTP status, else a generic sentence. A placeholder without its param reads as nothing
 * rather than as "{name}" (the sentence then still makes sense without the value).
 */
export function errorText(
  locale: Locale,
  error: { status?: number; code?: unknown; params?: TErrorParams | undefined },
): string {
  const code = isErrorCode(error.code) ? error.code : error.status !== undefined ? codeForStatus(error.status) : null;
  if (!code) return UNKNOWN_ERROR[locale];
  const text = fmt(ERROR_TEXT[locale][code], localParams(locale, code, error.params));
  // Tidy what an empty placeholder leaves behind: "（）", "()", "「」", doubled spaces.
  return text
    .replace(/[（(]\s*[)）]/g, '')
    .replace(/「」/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.。,，])/g, '$1');
}

/** The reader's language in the browser (the root layout writes it on <html lang>). */
export function documentLocale(): Locale {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** The language of a dictionary (components hold `t`; error texts are chosen by locale). */
export function localeOf(t: Messages): Locale {
  return LOCALES.find((l) => MESSAGES[l] === t) ?? DEFAULT_LOCALE;
}
