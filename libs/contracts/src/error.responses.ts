import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

/** The one error body every API client sees (Open311 keeps GeoReport's own), as the OpenAPI `default` answer. */
export const ZErrorBody = z
  .object({
    statusCode: z.number().int().meta({ example: 409 }),
    error: z.string().meta({ example: 'Conflict' }),
    /** Stable: translate by it (the English `message` may be reworded). */
    code: z.enum(ERROR_CODES).meta({ example: 'case.version_conflict' }),
    message: z.string().meta({ example: 'This case was changed by someone else; reload and try again' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    details: z.unknown().optional().meta({
      description: 'validation.invalid_input: one {path, code, message, minimum?, maximum?, …} per failed field',
    }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ErrorBody' });
export type TErrorBody = z.infer<typeof ZErrorBody>;
