import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../../../lib/formErrors.ts';
import type { FieldErrors } from '../../../lib/validation.ts';
import { validate } from '../../../lib/validation.ts';

type Schema<T> = Parameters<typeof validate<T>>[0];

/**
 * The submit of the dashboard's small forms: validate with the shared schema, save, then show
 * "saved" or route the server's answer onto the fields and the form's alert.
 */
export function useSubmit<T>(schema: Schema<T>, setErrors: (e: FieldErrors) => void, save: (v: T) => Promise<unknown>) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (values: unknown) => {
    const v = validate(schema, values);
    if (!v.ok) return setErrors(v.errors);
    try {
      await save(v.data);
      setMessage({ ok: true, text: t('dashboard.saved') });
    } catch (e) {
      const errs = submitErrors(t, e);
      setErrors(errs.fields);
      setMessage(errs.general ? { ok: false, text: errs.general } : null);
    }
  };
  return { submit, message };
}
