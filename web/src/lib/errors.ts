import { ERROR_STATUS, type ErrorCode } from '@pantau/shared';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { formatDateTime } from './format.ts';

type KnownCode = ErrorCode | 'network' | 'bad_response';

function isKnown(code: string): code is KnownCode {
  return code in ERROR_STATUS || code === 'network' || code === 'bad_response';
}

/** A sentence for the user about any failure, in the current language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'account_locked') {
    const until = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
    if (typeof until === 'string') return t('errors.account_locked_until', { time: formatDateTime(until) });
  }
  return isKnown(error.code) ? t(`errors.${error.code}`) : error.message;
}

/** True when the error is an API error with the given code. */
export function hasCode(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
