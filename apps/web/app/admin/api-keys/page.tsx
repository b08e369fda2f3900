import { ApiKeysClient } from './api-keys-client';

export default function ApiKeysPage() {
  return <ApiKeysClient />;
}
