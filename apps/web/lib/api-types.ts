// Response shapes the pages read, as the cases contract describes them. Fields a page does
// not strictly need are optional so that a page degrades instead of crashing when the API
// leaves one out.

import type { TCaseSummary as TCaseSummaryBase } from '@hotline/contracts';
import type { paths } from './api-schema';

export interface Named {
  id: number;
  code?: string;
  nameZh: string;
  nameEn: string;
}

export interface CategoryNode extends Named {
  level: number;
  keywords?: string[];
  children?: CategoryNode[];
}

export interface CategoryHit extends Named {
  pathZh?: string | string[];
  pathEn?: string | string[];
  path?: { zh: string; en: string } | string[];
}

export interface Street extends Named {
  lat?: number;
  lng?: number;
}
export interface District extends Named {
  streets: Street[];
}

export interface DispatchPreview {
  matched: boolean;
  bureau: Named | null;
  assistingBureaus: Named[];
  /** English; `reasonEn`/`reasonZh` carry it per language. */
  reason: string;
  reasonEn?: string;
  reasonZh?: string;
}

export type {
  TCaseSummary as CaseSummary,
  TCaseDetail as CaseDetail,
  TCaseEvent as CaseEvent,
  TPublicCaseView as PublicCaseView,
  TPublicIntakeResult as PublicIntakeResult,
  TSimilarCase as SimilarCase,
} from '@hotline/contracts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A row of `GET /api/cases` with what the queues need beyond the summary: the engine's own
 * clock verdict (issue 12 contract; optional until every API answers it).
 */
export type CaseRow = TCaseSummaryBase & {
  warning?: boolean;
  overdue?: boolean;
  clockState?: 'running' | 'stopped' | 'paused';
  dispatchedAt?: string | null;
  acceptedAt?: string | null;
};

/** A page of cases with the exact count for the filter (capped above 10 000). */
export interface CasePage extends Page<CaseRow> {
  total?: number;
  totalCapped?: boolean;
}

/** The filters `GET /api/cases` takes (the queues build them). */
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
