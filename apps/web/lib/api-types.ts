// Readable names for the response schemas the pages use, all generated from docs/openapi.json
// (./api-schema.d.ts): a page reads exactly what the route declares it answers.

import type { components, paths } from './api-schema';

type Schemas = components['schemas'];

export type CaseDetail = Schemas['CaseDetail'];
export type CaseEvent = Schemas['CaseEvent'];
/** A row of `GET /api/cases`, with the engine's own clock verdict. */
export type CaseRow = Schemas['CaseListItem'];
/** A page of cases with the exact count for the filter (capped above 10 000). */
export type CasePage = Schemas['CaseListPage'];
export type SimilarCase = Schemas['SimilarCase'];
/** A replied case on the agents' follow-up worklist (`GET /api/follow-ups`). */
export type FollowUpRow = Schemas['FollowUpWorklist']['items'][number];
export type PublicCaseView = Schemas['PublicCaseView'];
export type PublicIntakeResult = Schemas['PublicIntakeResult'];
export type DispatchPreview = Schemas['DispatchPreview'];
export type CategoryNode = Schemas['CategoryNode'];
export type CategoryHit = Schemas['CategorySearchHit'];
export type District = Schemas['District'];
export type Street = Schemas['Street'];
/** What a choice list shows of a bureau, district or street. */
export type Named = Pick<Schemas['BureauRef'], 'id' | 'nameZh' | 'nameEn'>;

/** The filters `GET /api/cases` takes (the queues build them). */
export type CaseListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

/** What a GET route answers: its 200 JSON body, as the document declares it. */
export type GetOk<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type PendingExtension = GetOk<'/api/extensions'>[number];
export type DeadlinePolicy = GetOk<'/api/deadline-policies'>[number];
export type CalendarView = GetOk<'/api/calendar'>;
export type SupervisionNotice = GetOk<'/api/cases/{id}/supervision-notices'>[number];
