// Errors of the review store (Vietnamese first).
import { ApiError } from '../../shared/api-error';

export function notFoundComment(id: string): ApiError {
  return new ApiError('not_found', 'Không tìm thấy góp ý.', 'Comment not found.', { id });
}
