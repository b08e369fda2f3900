import type { TReturnDecision } from '@hotline/contracts';
import type { Labels, Shape } from './shape';

// Dispatch queue, handler inbox and the case page.

export const casesZh = {
  queue: {
    title: '待派单队列',
    intro: '派单目录未匹配的工单、以及承办单位申请退单的工单。',
    empty: '队列为空',
    dispatchTo: '派往',
    dispatch: '派单',
    approveReturn: '同意退单',
    rejectReturn: '驳回退单',
    redispatch: '改派',
    decideReturn: '审核退单',
    decision: '审核结果',
    decisions: {
      redispatch: '改派其他单位',
      send_back: '驳回，退回原单位',
      requeue: '放回待派单队列',
    } satisfies Labels<TReturnDecision['decision']>,
  },
  inbox: {
    title: '工单收件箱',
    tabs: {
      toAccept: '待签收',
      inProgress: '办理中',
      dueSoon: '临期',
      overdue: '超期',
      returned: '退单',
    },
    empty: '没有工单',
    open: '打开',
  },
  caseView: {
    title: '工单 {n}',
    timeline: '办理记录',
    actions: '操作',
    accept: '签收',
    returnCase: '申请退单',
    reply: '答复',
    extension: '申请延期',
    requestExtension: '提交延期申请',
    send: '提交',
    back: '返回',
    done: '操作成功',
    followUp: '回访',
    close: '办结',
    reopen: '重办',
    contact: '查看联系方式',
    masked: '（已脱敏）',
  },
};

export const casesEn: Shape<typeof casesZh> = {
  queue: {
    title: 'Dispatch queue',
    intro: 'Cases no catalogue rule matched, and cases a bureau asked to return.',
    empty: 'The queue is empty',
    dispatchTo: 'Dispatch to',
    dispatch: 'Dispatch',
    approveReturn: 'Approve return',
    rejectReturn: 'Reject return',
    redispatch: 'Redispatch',
    decideReturn: 'Decide on the return',
    decision: 'Decision',
    decisions: {
      redispatch: 'Send to another bureau',
      send_back: 'Refuse: back to the same bureau',
      requeue: 'Put back in the dispatch queue',
    },
  },
  inbox: {
    title: 'Inbox',
    tabs: {
      toAccept: 'To accept',
      inProgress: 'In progress',
      dueSoon: 'Due soon',
      overdue: 'Overdue',
      returned: 'Returned',
    },
    empty: 'No cases',
    open: 'Open',
  },
  caseView: {
    title: 'Case {n}',
    timeline: 'Timeline',
    actions: 'Actions',
    accept: 'Accept',
    returnCase: 'Return (not ours)',
    reply: 'Reply',
    extension: 'Request extension',
    requestExtension: 'Send extension request',
    send: 'Submit',
    back: 'Back',
    done: 'Done',
    followUp: 'Follow-up',
    close: 'Close',
    reopen: 'Reopen',
    contact: 'Show contact details',
    masked: '(masked)',
  },
};
