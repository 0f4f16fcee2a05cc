// The event type a webhook receiver gets for each moderator decision (README, "Webhooks").
import { describe, expect, it } from 'vitest';
import { STATUS_EVENTS } from '../../../src/domain/comment-events.ts';

describe('STATUS_EVENTS', () => {
  it('names the event of each status a moderator can give a comment', () => {
    expect(STATUS_EVENTS).toEqual({
      pending: 'comment.held',
      approved: 'comment.approved',
      spam: 'comment.spam',
      trash: 'comment.trashed',
    });
  });
});
