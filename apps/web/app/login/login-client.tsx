'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ZLoginSchema, type TLogin } from '@hotline/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Messages } from '@/lib/i18n/messages';

export function LoginClient({ t }: { t: Messages }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: zodResolver(ZLoginSchema) });

  const onSubmit = async (values: TLogin) => {
    setFormError(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      const body = (await res.json()) as { message?: string; user?: { role: string } };
      if (!res.ok) return setFormError(body.message ?? t.login.failed);
      window.location.assign(`/${body.user?.role ?? ''}`);
    } catch {
      setFormError(t.errors.network);
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={isSubmitting}>
        {formError && (
          <p className="form-error" role="status">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">{t.login.username}</label>
          <input id="username" autoComplete="username" aria-invalid={!!errors.username} {...register('username')} />
          {errors.username && <span className="field-error">{t.errors.required}</span>}
        </div>
        <div className="field">
          <label htmlFor="password">{t.login.password}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={!!errors.password}
            {...register('password')}
          />
          {errors.password && <span className="field-error">{t.errors.required}</span>}
        </div>
        <button className="button" type="submit">
          {isSubmitting ? t.login.submitting : t.login.submit}
        </button>
      </fieldset>
    </form>
  );
}
