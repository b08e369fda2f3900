import { CaseSearchClient } from './case-search-client';

export default function CasesPage() {
  return <CaseSearchClient />;
}
