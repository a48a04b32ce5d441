import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../../../lib/formErrors.ts';
import { validate, type FieldErrors } from '../../../lib/validation.ts';

/**
 * Submit for the playback dialogs: validate with the shared schema, send, and route failures to
 * their fields (or to the form's alert), so every dialog reports errors the same way.
 */
export function useSchemaSubmit<T, R>(schema: Parameters<typeof validate<T>>[0], mutation: UseMutationResult<R, Error, T>, onSuccess: (result: R) => void) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const submit = (input: unknown) => {
    setGeneral(null);
    const r = validate(schema, input);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    mutation.mutate(r.data, {
      onSuccess,
      onError: (err) => {
        const s = submitErrors(t, err);
        setErrors(s.fields);
        setGeneral(s.general);
      },
    });
  };
  return { errors, general, submit, pending: mutation.isPending };
}
