import { ERROR_STATUS, type ErrorCode } from '@pantau/shared';

/** A domain error with a code from packages/shared; mapped to HTTP once, by the error handler. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} tidak ditemukan`);
export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini') => new DomainError('forbidden', message);
export const conflict = (message: string, details?: unknown) => new DomainError('conflict', message, details);
export const badRequest = (message: string, details?: unknown) => new DomainError('bad_request', message, details);
