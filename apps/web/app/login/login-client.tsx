'use client';

import { ZLoginSchema, type TLogin } from '@hotline/contracts';
import { InputField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { ok, publicClient } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';

/** `next` is an already-checked same-origin path (safeNextPath) to return to after sign-in. */
export function LoginClient({ next }: { next: string | null }) {
  const { t } = useI18n();
  const { bind, frame, isSubmitting, setFormError, fail } = useZodForm(ZLoginSchema);

  const onSubmit = async (values: TLogin) => {
    setFormError(null);
    try {
      const body: { user: { role: string } } = await ok(publicClient.POST('/api/auth/login', { body: values }));
      window.location.assign(next ?? `/${body.user.role}`);
    } catch (e) {
      // The refusal in the reader's language, by its code; field problems go next to their field.
      fail(e);
    }
  };

  return (
    <FormFrame {...frame(onSubmit)} submitLabel={isSubmitting ? t.login.submitting : t.login.submit}>
      <InputField label={t.login.username} autoComplete="username" {...bind('username', 'username')} />
      <InputField
        label={t.login.password}
        type="password"
        autoComplete="current-password"
        {...bind('password', 'password')}
      />
    </FormFrame>
  );
}
