import { ERROR_CODES, type ErrorCode } from './codes.ts';
import type { ValidationMessageKey } from './validationMessages.ts';

/** The one error type services throw; the HTTP edge turns it into status and words. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** A field that failed a check only the service can make (it needs the clock or the database). */
export function fieldError(path: string, messageKey: ValidationMessageKey): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, messageKey }]);
}
