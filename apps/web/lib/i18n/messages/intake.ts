import type { INTAKE_DISPOSITIONS } from '@hotline/contracts';
import type { Labels, Shape } from './shape';

// The agent's call intake.

export const intakeZh = {
  intake: {
    title: '来电受理',
    hint: '键盘操作：Tab 切换，方向键选择分类，Enter 确认；Alt+S 提交。',
    lookup: '查询来电号码',
    earlier: '该来电人的历史工单',
    noEarlier: '该号码没有历史工单',
    preview: '派单预览',
    previewGoes: '将派往：{b}',
    previewAssist: '协办：{b}',
    previewNone: '派单目录没有匹配的单位，提交后进入待派单队列。',
    previewHint: '选择分类和区县后显示派单预览。',
    similar: '相似的未办结工单',
    noSimilar: '没有相似的未办结工单',
    mergeInto: '并入此工单',
    mergeChosen: '提交后将并入 {n}',
    mergeCancel: '取消并单',
    disposition: '处理方式',
    dispositions: {
      dispatch: '派单',
      direct_answer: '直接答复',
      not_accepted: '不予受理',
      emergency_transfer: '转紧急热线',
    } satisfies Labels<(typeof INTAKE_DISPOSITIONS)[number]>,
    directAnswer: '答复内容 / 告知渠道',
    submit: '提交工单',
    submitting: '正在提交…',
    created: '已登记工单 {n}（{s}）',
    noResults: '没有匹配的分类',
    results: '{n} 个匹配分类',
  },
  // Web engineer A (issue 12): a clean form per call, drafts, merge, not-accepted.
  intakeDay: {
    newCall: '新来电',
    mergedInto: '已并入主工单',
    draftRestored: '已恢复未提交的草稿（{t} 保存）。',
    discardDraft: '放弃草稿，开始新来电',
    noMatch: '没有匹配项',
    notAcceptedReason: '不予受理的原因（将告知市民）',
    properChannel: '应通过什么渠道反映（告知市民的正确渠道）',
  },
};

export const intakeEn: Shape<typeof intakeZh> = {
  intake: {
    title: 'Call intake',
    hint: 'Keyboard: Tab moves, arrow keys pick a category, Enter confirms; Alt+S submits.',
    lookup: 'Look up caller',
    earlier: "This caller's earlier cases",
    noEarlier: 'No earlier cases from this number',
    preview: 'Dispatch preview',
    previewGoes: 'Goes to: {b}',
    previewAssist: 'Assisting: {b}',
    previewNone: 'No catalogue rule matches; the case will wait in the dispatch queue.',
    previewHint: 'Choose a category and district to see where the case will go.',
    similar: 'Similar open cases',
    noSimilar: 'No similar open cases',
    mergeInto: 'Merge into this case',
    mergeChosen: 'Will be merged into {n}',
    mergeCancel: 'Do not merge',
    disposition: 'Disposition',
    dispositions: {
      dispatch: 'Dispatch',
      direct_answer: 'Direct answer',
      not_accepted: 'Not accepted',
      emergency_transfer: 'Emergency transfer',
    },
    directAnswer: 'Answer given / channel the caller was told',
    submit: 'Register case',
    submitting: 'Registering…',
    created: 'Registered case {n} ({s})',
    noResults: 'No matching category',
    results: '{n} matching categories',
  },
  // Web engineer A (issue 12): a clean form per call, drafts, merge, not-accepted.
  intakeDay: {
    newCall: 'New call',
    mergedInto: 'merged into the open case',
    draftRestored: 'An unsent draft was restored (saved {t}).',
    discardDraft: 'Discard the draft and start a new call',
    noMatch: 'No match',
    notAcceptedReason: 'Why it is not accepted (the citizen is told)',
    properChannel: 'Where the citizen should turn instead (the proper channel they are told)',
  },
};
