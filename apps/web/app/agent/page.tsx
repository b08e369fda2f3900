import { IntakeClient } from './intake-client';

export default function AgentHome() {
  return <IntakeClient />;
}
