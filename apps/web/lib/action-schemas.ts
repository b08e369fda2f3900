import {
  ZAcceptActionSchema,
  ZCloseActionSchema,
  ZDispatchActionSchema,
  ZFollowUpActionSchema,
  ZRedispatchActionSchema,
  ZReopenActionSchema,
  ZReplyActionSchema,
  ZReturnActionSchema,
  ZReturnDecisionSchema,
} from '@hotline/contracts';
import { z } from 'zod';

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
  // TODO(contracts): the deadlines engineer's extension schema once deadline.schemas.ts lands.
  extensions: z.strictObject({
    version: z.number().int().positive().optional(),
    days: z.number().int().min(1).max(30),
    reason: z.string().trim().min(1).max(2000),
  }),
};
export type ActionKey = keyof typeof ACTION_SCHEMAS;
