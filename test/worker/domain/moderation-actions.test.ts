// What a moderator can do to a comment (src/domain/moderation-actions.ts): the actions the desk and the admin API
// accept, where each leaves a comment, and the desk's queues.
import { describe, expect, it } from 'vitest';
import { isModerationAction, QUEUES, TARGET_STATUS } from '../../../src/domain/moderation-actions.ts';

describe('moderation actions', () => {
  it('accepts the six actions by their exact names, and nothing else', () => {
    for (const action of ['approve', 'unapprove', 'spam', 'trash', 'restore', 'delete'])
      expect(isModerationAction(action), action).toBe(true);
    for (const value of ['publish', 'Approve', 'approve ', '', 'pending', 'deleted', 42, null, undefined, ['spam']])
      expect(isModerationAction(value), String(value)).toBe(false);
  });

  it('leaves each comment where the moderator expects: restored and unapproved comments go back to review', () => {
    expect(TARGET_STATUS).toEqual({
      approve: 'approved',
      unapprove: 'pending',
      spam: 'spam',
      trash: 'trash',
      restore: 'pending',
      delete: 'deleted',
    });
  });

  it('has a queue for each status and one for reported comments, held comments first (the desk opens on it)', () => {
    expect(QUEUES).toEqual(['pending', 'approved', 'spam', 'trash', 'reported']);
  });
});
