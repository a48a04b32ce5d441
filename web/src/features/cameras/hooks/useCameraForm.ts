import { useCallback } from 'react';
import type { FieldErrors } from '../../../lib/validation.ts';
import { useForm } from '../../../lib/useForm.ts';
import type { CameraFormValues } from './cameraFormModel.ts';

export type CameraForm = ReturnType<typeof useCameraForm>;

/** Form state for a camera, plus a stable setter for the map picker. */
export function useCameraForm(initial: CameraFormValues) {
  const form = useForm<CameraFormValues>(initial);
  const { setValue } = form;
  const pick = useCallback(
    (lat: number, lng: number) => {
      setValue('lat', lat);
      setValue('lng', lng);
    },
    [setValue],
  );
  return { ...form, pick, setErrors: form.setErrors as (e: FieldErrors) => void };
}
