import type { CASE_FLAG_VALUES } from '@hotline/contracts';
import type { CaseAction, CaseStatus, Channel, RequestType, Satisfaction, Solved, Urgency } from '@hotline/domain';
import type { Labels, Shape } from './shape';

// The case vocabulary in words; each map is typed by its enum, so a new value needs its label.

/** What a case's timeline records besides the lifecycle actions (the API writes these event names). */
type TimelineEvent =
  | 'intake'
  | 'return_decision'
  | 'follow_up'
  | 'contribution'
  | 'note'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_rejected'
  | 'supervision_notice'
  | 'supervision_answered'
  | 'deadline_warning'
  | 'deadline_overdue'
  | 'deadline_escalated'
  | 'reminder';

export const enumsZh = {
  enums: {
    status: {
      registered: '已登记',
      awaiting_dispatch: '待派单',
      dispatched: '已派单待签收',
      return_review: '退单审核中',
      in_progress: '办理中',
      awaiting_follow_up: '待回访',
      closed: '已办结',
    } satisfies Labels<CaseStatus>,
    type: {
      consultation: '咨询',
      help: '求助',
      complaint: '投诉',
      report: '举报',
      suggestion: '建议',
      praise: '表扬',
    } satisfies Labels<RequestType>,
    urgency: { normal: '一般', urgent: '紧急', critical: '特急' } satisfies Labels<Urgency>,
    channel: { phone: '电话', web: '网上', open311: 'Open311', api: '接口' } satisfies Labels<Channel>,
    solved: { solved: '已解决', partly: '部分解决', not: '未解决' } satisfies Labels<Solved>,
    satisfaction: {
      satisfied: '满意',
      basically: '基本满意',
      dissatisfied: '不满意',
      no_answer: '未表态',
    } satisfies Labels<Satisfaction>,
    flag: { none: '正常', warning: '临期', overdue: '超期' } satisfies Labels<(typeof CASE_FLAG_VALUES)[number]>,
    action: {
      intake: '登记',
      auto_dispatch: '自动派单',
      queue_for_dispatch: '进入待派单队列',
      direct_answer: '直接答复',
      not_accept: '不予受理',
      emergency_transfer: '转紧急热线',
      dispatch: '派单',
      redispatch: '改派',
      accept: '签收',
      request_return: '申请退单',
      approve_return: '同意退单',
      reject_return: '驳回退单',
      return_decision: '退单审核',
      reply: '答复',
      follow_up: '回访',
      follow_up_close: '回访办结',
      follow_up_reopen: '回访不满意，重办',
      close: '办结',
      reopen: '重办',
      merge: '并单',
      contribution: '协办意见',
      note: '备注',
      extension_requested: '申请延期',
      extension_approved: '批准延期',
      extension_rejected: '驳回延期',
      supervision_notice: '督办',
      supervision_answered: '回复督办',
      deadline_warning: '临期预警',
      deadline_overdue: '超期',
      deadline_escalated: '超期升级',
      reminder: '催办',
    } satisfies Labels<CaseAction | TimelineEvent>,
  },
};

export const enumsEn: Shape<typeof enumsZh> = {
  enums: {
    status: {
      registered: 'Registered',
      awaiting_dispatch: 'Awaiting dispatch',
      dispatched: 'Dispatched, to accept',
      return_review: 'Return under review',
      in_progress: 'In progress',
      awaiting_follow_up: 'Awaiting follow-up',
      closed: 'Closed',
    },
    type: {
      consultation: 'Consultation',
      help: 'Help',
      complaint: 'Complaint',
      report: 'Report',
      suggestion: 'Suggestion',
      praise: 'Praise',
    },
    urgency: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
    channel: { phone: 'Phone', web: 'Web', open311: 'Open311', api: 'API' },
    solved: { solved: 'Solved', partly: 'Partly solved', not: 'Not solved' },
    satisfaction: {
      satisfied: 'Satisfied',
      basically: 'Basically satisfied',
      dissatisfied: 'Dissatisfied',
      no_answer: 'No answer',
    },
    flag: { none: 'On time', warning: 'Due soon', overdue: 'Overdue' },
    action: {
      intake: 'Registered',
      auto_dispatch: 'Dispatched automatically',
      queue_for_dispatch: 'Queued for dispatch',
      direct_answer: 'Answered directly',
      not_accept: 'Not accepted',
      emergency_transfer: 'Transferred to an emergency line',
      dispatch: 'Dispatched',
      redispatch: 'Redispatched',
      accept: 'Accepted',
      request_return: 'Return requested',
      approve_return: 'Return approved',
      reject_return: 'Return refused',
      return_decision: 'Return decided',
      reply: 'Replied',
      follow_up: 'Follow-up',
      follow_up_close: 'Closed after follow-up',
      follow_up_reopen: 'Reopened after follow-up',
      close: 'Closed',
      reopen: 'Reopened',
      merge: 'Merged',
      contribution: 'Assisting bureau note',
      note: 'Note',
      extension_requested: 'Extension requested',
      extension_approved: 'Extension approved',
      extension_rejected: 'Extension refused',
      supervision_notice: 'Supervision notice',
      supervision_answered: 'Supervision notice answered',
      deadline_warning: 'Due soon',
      deadline_overdue: 'Overdue',
      deadline_escalated: 'Escalated',
      reminder: 'Reminder',
    },
  },
};
