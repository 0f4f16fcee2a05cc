import { describe, expect, it } from 'vitest';
import { formatDisplayDate, parseEditorDate, toNewsroomTime } from '../../../src/text/dates.ts';

describe('editor dates', () => {
  it('reads a bare day as midnight in Tripoli', () => {
    expect(parseEditorDate('2026-11-30')?.toISOString()).toBe('2026-11-29T22:00:00.000Z');
  });
  it('keeps the offset an editor wrote', () => {
    expect(parseEditorDate('2026-11-30T09:15:00Z')?.toISOString()).toBe('2026-11-30T09:15:00.000Z');
  });
  it.each(['2026-02-30', '30/11/2026', '2026-11-30T09:00', 'tomorrow', ''])('rejects %j', (text) => {
    expect(parseEditorDate(text)).toBeNull();
  });
  it('writes RFC 3339 with the Tripoli offset', () => {
    expect(toNewsroomTime(new Date('2026-11-30T07:15:00Z'))).toBe('2026-11-30T09:15:00+02:00');
  });
  it('shows Arabic month names with Latin digits, on the Tripoli calendar day', () => {
    expect(formatDisplayDate('2026-11-29T23:30:00Z')).toBe('30 نوفمبر 2026');
  });
});
