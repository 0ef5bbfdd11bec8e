import { ERROR_CODES, type ErrorCode } from './codes.ts';

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
