import { FollowUpsClient } from './follow-ups-client';

export default function FollowUpsPage() {
  return <FollowUpsClient />;
}
