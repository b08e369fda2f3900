import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { ApiKeys1795577550170 } from './1795577550170-ApiKeys';
import { AnalyticsRollups1795577621307 } from './1795577621307-AnalyticsRollups';
import { DeadlineSupervision1795577697821 } from './1795577697821-DeadlineSupervision';
import { CasesListIndexes1795578398342 } from './1795578398342-CasesListIndexes';
import { AnalyticsMonthCubes1795578977707 } from './1795578977707-AnalyticsMonthCubes';
import { AnalyticsLockFreeCheck1795580192663 } from './1795580192663-AnalyticsLockFreeCheck';
import { AnalyticsExampleIndexes1795580529511 } from './1795580529511-AnalyticsExampleIndexes';
import { AnalyticsStreetlessCubes1795580999325 } from './1795580999325-AnalyticsStreetlessCubes';
import { AuthSessions1796000000000 } from './1796000000000-AuthSessions';
import { NotAcceptedReason1796300000000 } from './1796300000000-NotAcceptedReason';
import { CategorySynonyms1796300000001 } from './1796300000001-CategorySynonyms';
import { HotlineRules1796500000000 } from './1796500000000-HotlineRules';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  ApiKeys1795577550170,
  AnalyticsRollups1795577621307,
  DeadlineSupervision1795577697821,
  CasesListIndexes1795578398342,
  AnalyticsMonthCubes1795578977707,
  AnalyticsLockFreeCheck1795580192663,
  AnalyticsExampleIndexes1795580529511,
  AnalyticsStreetlessCubes1795580999325,
  AuthSessions1796000000000,
  NotAcceptedReason1796300000000,
  CategorySynonyms1796300000001,
  HotlineRules1796500000000,
];
