import { BureausClient } from './bureaus-client';

export default function BureausPage() {
  return <BureausClient />;
}
