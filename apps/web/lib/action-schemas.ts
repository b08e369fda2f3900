import {
  ZAcceptActionSchema,
  ZCloseActionSchema,
  ZDispatchActionSchema,
  ZExtensionRequestInput,
  ZFollowUpActionSchema,
  ZRedispatchActionSchema,
  ZReopenActionSchema,
  ZReplyActionSchema,
  ZReturnActionSchema,
  ZReturnDecisionSchema,
  ZSupervisionNoticeInput,
} from '@hotline/contracts';

// Bodies of the case actions: the same schemas the API validates with, keyed by the HTTP
// action name the API lists in `allowedActions`.
export const ACTION_SCHEMAS = {
  accept: ZAcceptActionSchema,
  return: ZReturnActionSchema,
  reply: ZReplyActionSchema,
  dispatch: ZDispatchActionSchema,
  redispatch: ZRedispatchActionSchema,
  'return-decision': ZReturnDecisionSchema,
  'follow-up': ZFollowUpActionSchema,
  close: ZCloseActionSchema,
  reopen: ZReopenActionSchema,
  extensions: ZExtensionRequestInput,
  'supervision-notices': ZSupervisionNoticeInput,
};

/** Deadline routes that do not take the case version. */
export const VERSIONLESS: ReadonlySet<ActionKey> = new Set(['extensions', 'supervision-notices']);
export type ActionKey = keyof typeof ACTION_SCHEMAS;
