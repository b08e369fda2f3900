import { PublicFrame } from '@/components/public-frame';
import { PublicFormClient } from './public-form-client';

export default function PublicSubmitPage() {
  return (
    <PublicFrame>
      <PublicFormClient />
    </PublicFrame>
  );
}
