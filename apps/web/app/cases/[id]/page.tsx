import { CaseClient } from './case-client';

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CaseClient id={id} />;
}
