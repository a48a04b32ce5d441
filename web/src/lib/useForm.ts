import { useCallback, useState, type ChangeEvent } from 'react';
import type { FieldErrors } from './validation.ts';

/**
 * A deliberately small form state hook (values, per-field errors, setters); validation itself is
 * the shared zod schema, run by the caller on submit.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setValue = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (!prev[key as string]) return prev;
      const next = { ...prev };
      delete next[key as string];
      return next;
    });
  }, []);

  /** Props for inputs whose onChange gives an event (TextInput, PasswordInput, Textarea). */
  const text = <K extends keyof V>(key: K) => ({
    value: values[key] as string,
    error: errors[key as string],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(key, e.currentTarget.value as V[K]),
  });

  /** Props for inputs whose onChange gives the value (Select, MultiSelect, TagsInput, NumberInput). */
  const field = <K extends keyof V>(key: K) => ({
    value: values[key],
    error: errors[key as string],
    onChange: (v: V[K]) => setValue(key, v),
  });

  return { values, setValues, setValue, errors, setErrors, text, field };
}
