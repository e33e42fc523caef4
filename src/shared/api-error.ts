// The one error type that crosses the contract, by itself: the page needs it at run time, and the
// contract (api.ts) would build every zod schema with it.
export type ErrorCode =
  | 'bad_request'
  | 'unknown_method'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'no_project'
  | 'too_large'
  | 'cancelled'
  | 'internal';

export interface ApiErrorBody {
  code: ErrorCode;
  vi: string;
  en: string;
  details?: unknown;
}

/** The one error type that crosses the contract. Messages are Vietnamese first, English second. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly vi: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = 'ApiError';
  }
  toBody(): ApiErrorBody {
    return { code: this.code, vi: this.vi, en: this.en, ...(this.details === undefined ? {} : { details: this.details }) };
  }
  static fromBody(b: ApiErrorBody): ApiError {
    return new ApiError(b.code, b.vi, b.en, b.details);
  }
}
