import type { TFunction } from 'i18next';
import { errorMessage, hasCode } from './errors.ts';
import { issuesToFieldErrors, type FieldErrors } from './validation.ts';

export interface SubmitErrors {
  fields: FieldErrors;
  /** A sentence for the form's alert when no field can carry the problem. */
  general: string | null;
}

/**
 * Routes a failed save to where the user will look: server validation issues onto their
 * fields, a conflict onto the field that must be unique, anything else into the form's alert.
 */
export function submitErrors(t: TFunction, err: unknown, conflict?: { field: string; message: string }): SubmitErrors {
  if (conflict && hasCode(err, 'conflict')) return { fields: { [conflict.field]: conflict.message }, general: null };
  if (hasCode(err, 'validation_failed')) {
    const fields = issuesToFieldErrors(err.details);
    const general = fields._form ?? (Object.keys(fields).length === 0 ? errorMessage(t, err) : null);
    delete fields._form;
    return { fields, general };
  }
  return { fields: {}, general: errorMessage(t, err) };
}
