import { PoliciesClient } from './policies-client';

export default function PoliciesPage() {
  return <PoliciesClient />;
}
