'use client';

import { ZLoginSchema, type TLogin } from '@hotline/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, ApiError } from '@/lib/api';
import { localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';

export function LoginClient() {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: localizedZodResolver(ZLoginSchema, t) });

  const onSubmit = async (values: TLogin) => {
    setFormError(null);
    try {
      const body = await api<{ user: { role: string } }>('/auth/login', { method: 'POST', body: values, public: true });
      window.location.assign(`/${body.user.role}`);
    } catch (e) {
      setFormError(e instanceof ApiError ? e.message || t.login.failed : t.errors.network);
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={isSubmitting}>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">{t.login.username}</label>
          <input
            id="username"
            autoComplete="username"
            aria-invalid={!!errors.username}
            aria-describedby={errors.username ? 'username-error' : undefined}
            {...register('username')}
          />
          {errors.username && (
            <span id="username-error" className="field-error">
              {errors.username.message}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="password">{t.login.password}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={!!errors.password}
            aria-describedby={errors.password ? 'password-error' : undefined}
            {...register('password')}
          />
          {errors.password && (
            <span id="password-error" className="field-error">
              {errors.password.message}
            </span>
          )}
        </div>
        <button className="button" type="submit">
          {isSubmitting ? t.login.submitting : t.login.submit}
        </button>
      </fieldset>
    </form>
  );
}
