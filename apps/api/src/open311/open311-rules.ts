import type { CategoryAttribute } from '@hotline/database';
import type { TOpen311Status } from '@hotline/contracts';

/**
 * Pure rules of the Open311 adapter: status mapping, the query window, where a point lies,
 * and whether attribute answers fit the category's questions. No I/O here.
 */

/**
 * The bureau's work is done once it has replied (awaiting_follow_up) and the citizen can
 * read the reply as status_notes, so both that and closed read as 'closed'; the hotline's
 * own follow-up call afterwards is not something an Open311 client tracks.
 */
export function open311Status(caseStatus: string): TOpen311Status {
  return caseStatus === 'closed' || caseStatus === 'awaiting_follow_up' ? 'closed' : 'open';
}

/** Case statuses behind each Open311 status, for filtering in SQL. */
export function caseStatusesFor(statuses: readonly TOpen311Status[]): { closed: boolean; open: boolean } {
  return { closed: statuses.includes('closed'), open: statuses.includes('open') };
}

export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The spec's date window: both bounds → checked (≤ 90 days, start before end); one bound →
 * 90 days from/to it; none → the last 90 days.
 */
export function requestWindow(
  start: string | undefined,
  end: string | undefined,
  now: Date,
): { from: Date; to: Date } | { error: string } {
  const span = MAX_WINDOW_DAYS * DAY_MS;
  if (start && end) {
    const from = new Date(start);
    const to = new Date(end);
    if (from > to) return { error: 'start_date must not be after end_date' };
    if (to.getTime() - from.getTime() > span) {
      return { error: `start_date and end_date may be at most ${MAX_WINDOW_DAYS} days apart` };
    }
    return { from, to };
  }
  if (start) {
    const from = new Date(start);
    return { from, to: new Date(from.getTime() + span) };
  }
  const to = end ? new Date(end) : now;
  return { from: new Date(to.getTime() - span), to };
}

export interface StreetPoint {
  id: number;
  districtId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  lat: number;
  lng: number;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Farther than this from every street centre, a point is not in the city. */
export const MAX_STREET_DISTANCE_KM = 25;

export function nearestStreet<S extends StreetPoint>(streets: readonly S[], lat: number, lng: number): S | null {
  let best: S | null = null;
  let bestKm = Infinity;
  for (const s of streets) {
    const km = distanceKm(lat, lng, s.lat, s.lng);
    if (km < bestKm) {
      best = s;
      bestKm = km;
    }
  }
  return bestKm <= MAX_STREET_DISTANCE_KM ? best : null;
}

/**
 * The street an address names ("双塔街道人民路 12 号", "Shuangta Subdistrict …"), the longest
 * name winning so "清源街道" is not taken for a shorter street name inside it.
 */
export function streetNamedIn<S extends StreetPoint>(streets: readonly S[], address: string): S | null {
  const lower = address.toLowerCase();
  let best: S | null = null;
  let bestLength = 0;
  for (const s of streets) {
    for (const name of [s.nameZh, s.nameEn.toLowerCase(), s.nameEn.toLowerCase().replace(/ (subdistrict|town)$/, '')]) {
      if (name.length >= 2 && name.length > bestLength && lower.includes(name)) {
        best = s;
        bestLength = name.length;
      }
    }
  }
  return best;
}

/**
 * Checks attribute[CODE] answers against the category's questions and returns the values
 * to store (numbers as numbers, lists as lists, single values as strings), or the problems.
 */
export function checkAttributes(
  questions: readonly CategoryAttribute[],
  answers: Record<string, string[]>,
): { values: Record<string, unknown> } | { errors: string[] } {
  const errors: string[] = [];
  const values: Record<string, unknown> = {};
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) errors.push(`attribute[${code}] is not a question of this service`);
  }
  for (const q of [...questions].sort((a, b) => a.order - b.order)) {
    const given = answers[q.code] ?? [];
    if (given.length === 0) {
      if (q.required) errors.push(`attribute[${q.code}] is required (${q.descriptionEn})`);
      continue;
    }
    if (q.datatype !== 'multivaluelist' && given.length > 1) {
      errors.push(`attribute[${q.code}] takes one value`);
      continue;
    }
    const first = given[0]!;
    const keys = new Set((q.values ?? []).map((v) => v.key));
    switch (q.datatype) {
      case 'number':
        if (!/^-?\d+(\.\d+)?$/.test(first.trim())) errors.push(`attribute[${q.code}] must be a number`);
        else values[q.code] = Number(first);
        break;
      case 'datetime':
        if (Number.isNaN(Date.parse(first)) || !/^\d{4}-\d{2}-\d{2}/.test(first)) {
          errors.push(`attribute[${q.code}] must be an ISO-8601 date and time`);
        } else values[q.code] = first;
        break;
      case 'singlevaluelist':
        if (!keys.has(first)) errors.push(`attribute[${q.code}] must be one of: ${[...keys].join(', ')}`);
        else values[q.code] = first;
        break;
      case 'multivaluelist': {
        const unknown = given.filter((v) => !keys.has(v));
        if (unknown.length > 0) errors.push(`attribute[${q.code}] values must be among: ${[...keys].join(', ')}`);
        else values[q.code] = [...new Set(given)];
        break;
      }
      case 'string':
      case 'text':
        values[q.code] = first;
        break;
    }
  }
  return errors.length > 0 ? { errors } : { values };
}
