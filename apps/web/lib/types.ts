// Response shapes the pages read, as the cases contract describes them. Fields a page does
// not strictly need are optional so that a page degrades instead of crashing when the API
// leaves one out.

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
