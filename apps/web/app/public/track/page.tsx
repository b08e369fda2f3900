import { PublicFrame } from '@/components/public-frame';
import { TrackClient } from './track-client';

export default async function TrackPage({ searchParams }: { searchParams: Promise<{ n?: string; code?: string }> }) {
  const { n, code } = await searchParams;
  return (
    <PublicFrame>
      <TrackClient initialNumber={n ?? ''} initialCode={code ?? ''} />
    </PublicFrame>
  );
}
