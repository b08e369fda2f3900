import { z } from 'zod';

/**
 * A link someone else will open (a photo of the problem): http or https only, so a
 * `javascript:`, `data:` or `file:` URL never reaches a page, an export or an Open311 client.
 * The one URL rule of every schema that takes a link.
 */
export const httpUrl = (field: string, max: number) =>
  z
    .url({ protocol: /^https?$/, error: `${field} must be an http(s) URL` })
    .max(max, `${field} is at most ${max} characters`);
