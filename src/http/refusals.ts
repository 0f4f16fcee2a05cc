/**
 * How HTTP answers each reason a comment submission was refused: one table for the JSON API (status, problem type,
 * English detail) and the form (the same status, with an Arabic message from views/comment-messages.ts). The
 * service only says why (services/submit-comment.ts); statuses live here.
 */
import { ProblemError } from '../errors.tsx';
import type { Refusal, RefusalReason } from '../services/submit-comment.ts';

/** How each refusal is answered. */
export const REFUSALS: Record<RefusalReason, { status: 403 | 409 | 422 | 429; type: string; detail: string }> = {
  closed: { status: 403, type: 'comments-closed', detail: 'Comments on this article are closed.' },
  'invalid-parent': {
    status: 403,
    type: 'invalid-parent',
    detail: 'parent_id must be an approved comment of this article, less than 5 levels deep.',
  },
  duplicate: { status: 409, type: 'duplicate-comment', detail: 'The same comment from this email is already on this article.' },
  'too-fast': { status: 429, type: 'too-fast', detail: 'Comments from one client or email must be at least 15 seconds apart.' },
  'rate-limited': { status: 429, type: 'rate-limited', detail: 'Too many comments from this client; wait a minute.' },
  'idempotency-mismatch': {
    status: 422,
    type: 'idempotency-key-reused',
    detail: 'This Idempotency-Key was used for a different request within the last 24 hours.',
  },
  'idempotency-in-progress': {
    status: 409,
    type: 'idempotency-in-progress',
    detail: 'The first request with this Idempotency-Key is still being processed; retry it in a second.',
  },
};

/** The API's answer to a refusal: its problem, with Retry-After when waiting helps. */
export function refusalProblem(refusal: Refusal): ProblemError {
  const { status, type, detail } = REFUSALS[refusal.reason];
  return new ProblemError(status, detail, {
    type,
    ...(refusal.reason === 'invalid-parent' ? { errors: { parent_id: [detail] } } : {}),
    ...(refusal.retryAfter ? { headers: { 'Retry-After': String(refusal.retryAfter) } } : {}),
  });
}
