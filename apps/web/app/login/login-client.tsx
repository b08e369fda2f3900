'use client';

import { ZLoginSchema, type TLogin } from '@hotline/contracts';
import { InputField } from '@/components/field';
import { FormFrame, useZodForm } from '@/components/form';
import { ok, publicClient } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';

/** `next` is an already-checked same-origin path (safeNextPath) to return to after sign-in. */
export function LoginClient({ next }: { next: string | null }) {
  const { t } = useI18n();
  const { register, handleSubmit, errors, isSubmitting, formError, setFormError, fail } = useZodForm(ZLoginSchema);

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
    <FormFrame
      onSubmit={handleSubmit(onSubmit)}
      busy={isSubmitting}
      error={formError}
      submitLabel={isSubmitting ? t.login.submitting : t.login.submit}
    >
      <InputField
        id="username"
        label={t.login.username}
        error={errors.username?.message}
        autoComplete="username"
        {...register('username')}
      />
      <InputField
        id="password"
        label={t.login.password}
        error={errors.password?.message}
        type="password"
        autoComplete="current-password"
        {...register('password')}
      />
    </FormFrame>
  );
}
