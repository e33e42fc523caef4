// The ApiError a call refuses with; a call that does not refuse, or fails some other way, fails the test.
import { ApiError } from '../../../src/shared/api-error';

export function refusal(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
