import type { Channel, Role } from './case-model';

/**
 * Who may read what of a case: the one home of the rule, used by the staff case presenter,
 * the staff timeline, the citizen's tracking page and Open311. Each reader gets a verdict
 * per field group rather than a copy of the case, so a new field is hidden until a rule
 * here says who sees it.
 */

/** The reader: a staff member (with their bureau for handlers), the citizen, or the public. */
export interface CaseViewer {
  role: Role | 'public';
  bureauId: number | null;
}

/** Whose cases these are: the lead bureau and the bureaus assisting it. */
export interface CaseBureaus {
  leadBureauId: number | null;
  assistingBureauIds: readonly number[];
}

/**
 * How far a reader reaches into a case:
 * - `hotline`: agents, supervisors, admins and the system see and act on every case;
 * - `holder`: the citizen, who reaches a case only through its tracking number and access
 *   code (checked before this rule is asked), acts on that case as its owner;
 * - `lead` / `assisting`: a handler whose bureau leads or assists the case;
 * - `none`: anyone else, including a handler without a bureau and the public (Open311 reads
 *   its own projection, see open311ReadScope). For them the case does not exist: "not
 *   found", never "forbidden", so ids leak nothing.
 */
export type CaseReach = 'hotline' | 'holder' | 'lead' | 'assisting' | 'none';

/** "A handler sees only their bureau's cases (lead or assisting)": the one home of the rule. */
export function caseVisibility(viewer: CaseViewer, c: CaseBureaus): CaseReach {
  switch (viewer.role) {
    case 'agent':
    case 'supervisor':
    case 'admin':
    case 'system':
      return 'hotline';
    case 'citizen':
      return 'holder';
    case 'public':
      return 'none';
    case 'handler':
      if (viewer.bureauId === null) return 'none';
      if (c.leadBureauId === viewer.bureauId) return 'lead';
      return c.assistingBureauIds.includes(viewer.bureauId) ? 'assisting' : 'none';
  }
}

/** May the reader see the case at all? */
export function canSeeCase(viewer: CaseViewer, c: CaseBureaus): boolean {
  return caseVisibility(viewer, c) !== 'none';
}

/** May the reader act on the case as its owner? An assisting bureau reads and contributes only. */
export function canActOnCase(viewer: CaseViewer, c: CaseBureaus): boolean {
  const reach = caseVisibility(viewer, c);
  return reach !== 'none' && reach !== 'assisting';
}

/** The parts of a case the rule looks at. */
export interface CaseVisibilityFacts {
  leadBureauId: number | null;
  confidential: boolean;
}

export interface CaseFieldVisibility {
  /** The lead bureau's internal note (`internalNote` on the case and on reply events). */
  internalNote: boolean;
  /** The caller's name, phone, e-mail: as recorded, masked, or not at all. */
  caller: 'full' | 'masked' | 'hidden';
}

/**
 * The hotline (agents, supervisors, admins) sees everything. A bureau's handler sees the
 * caller masked (hidden on a confidential case) and the internal note only when its bureau
 * leads the case: an assisting bureau reads the work, not the lead's notes to the hotline.
 * The citizen and the public see neither.
 */
export function caseFieldVisibility(viewer: CaseViewer, c: CaseVisibilityFacts): CaseFieldVisibility {
  switch (viewer.role) {
    case 'agent':
    case 'supervisor':
    case 'admin':
    case 'system':
      return { internalNote: true, caller: 'full' };
    case 'handler':
      return {
        internalNote: viewer.bureauId !== null && viewer.bureauId === c.leadBureauId,
        caller: c.confidential ? 'hidden' : 'masked',
      };
    case 'citizen':
    case 'public':
      return { internalNote: false, caller: 'hidden' };
  }
}

/** A timeline entry as far as the citizen's view of it is concerned. */
export interface CitizenEventFacts {
  action: string;
  note: string | null;
  isPublic: boolean;
  actorRole: string | null;
}

/**
 * Actions whose note is written *to* the citizen: the bureau's reply and the hotline's
 * direct answer. Every other note is staff text (dispatch reasons such as "rule #1:
 * category level 2", dispatch and acceptance remarks, return reasons) and stays internal,
 * whatever flag older rows carry.
 */
const NOTES_ADDRESSED_TO_CITIZEN = new Set(['reply', 'direct_answer']);

/** The note the citizen's tracking page may show for a timeline entry, or null. */
export function citizenEventNote(e: CitizenEventFacts): string | null {
  if (!e.isPublic || e.note === null) return null;
  if (NOTES_ADDRESSED_TO_CITIZEN.has(e.action)) return e.note;
  // The citizen's own follow-up comment is theirs to read back.
  if (e.actorRole === 'citizen') return e.note;
  return null;
}

/** Channels where the citizen filed a report meant to be seen (a form or an app), not a private call. */
export const PUBLICLY_FILED_CHANNELS: readonly Channel[] = ['web', 'open311'];

/**
 * What an Open311 reader gets. Anonymous readers see only publicly filed, non-confidential
 * cases, placed by street and a point rounded to about 100 m, never the free-text address;
 * a client with an api_key (issued and audited by the hotline) sees every channel's
 * non-confidential cases with the address and point as recorded. Contact details never.
 */
export interface Open311ReadScope {
  channels: readonly Channel[] | 'all';
  exactLocation: boolean;
}

export function open311ReadScope(hasApiKey: boolean): Open311ReadScope {
  return hasApiKey
    ? { channels: 'all', exactLocation: true }
    : { channels: PUBLICLY_FILED_CHANNELS, exactLocation: false };
}

/** Decimal places kept for an anonymous reader's coordinates (3 ≈ 110 m north-south). */
export const PUBLIC_COORDINATE_DECIMALS = 3;

export function coarsenCoordinate(value: number | null): number | null {
  if (value === null) return null;
  const f = 10 ** PUBLIC_COORDINATE_DECIMALS;
  return Math.round(value * f) / f;
}
