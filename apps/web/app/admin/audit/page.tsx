import { AuditClient } from './audit-client';

export default function AuditPage() {
  return <AuditClient />;
}
