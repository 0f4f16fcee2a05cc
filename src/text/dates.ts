/**
 * Dates of the site: stored as RFC 3339 in the newsroom's time zone, shown through Intl in Arabic with Latin digits.
 */

/** The newsroom's time zone: dates without a time are midnight here, and pages show dates here. */
const NEWSROOM_TIME_ZONE = 'Africa/Tripoli';

/** Arabic (Libya) with Latin digits, as Libyan news sites print dates. */
const DISPLAY_LOCALE = 'ar-LY-u-nu-latn';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  timeZoneName: 'longOffset',
});

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const displayFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: NEWSROOM_TIME_ZONE,
  dateStyle: 'long',
});

const displayDateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: NEWSROOM_TIME_ZONE,
  dateStyle: 'long',
  timeStyle: 'short',
});

/** The newsroom zone's UTC offset at `date`, as `+02:00` (Intl writes it `GMT+02:00`, or `GMT` at UTC). */
function zoneOffset(date: Date): string {
  const part = offsetFormat.formatToParts(date).find((p) => p.type === 'timeZoneName');
  // Stryker disable next-line OptionalChaining,StringLiteral: Intl always gives the longOffset part it was asked for
  const name = part?.value ?? 'GMT';
  // Stryker disable next-line ConditionalExpression,StringLiteral: Africa/Tripoli is never at UTC, so its offset is never written plain GMT
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * Parses an editor's date: `YYYY-MM-DD` (midnight in the newsroom zone) or an RFC 3339 date-time with offset.
 * Returns null when the text is not such a date or names a day that does not exist.
 * @example parseEditorDate('2026-11-30')?.toISOString() // '2026-11-29T22:00:00.000Z'
 */
export function parseEditorDate(text: string): Date | null {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    const utcMidnight = new Date(Date.UTC(y, m - 1, d));
    // A day past the month's end rolls into the next month; Date.UTC reads years 0–99 as 1900–1999.
    if (utcMidnight.getUTCFullYear() !== y || utcMidnight.getUTCMonth() !== m - 1) return null;
    const offset = zoneOffset(utcMidnight);
    return new Date(`${text}T00:00:00${offset}`);
  }
  if (!DATE_TIME.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * RFC 3339 text of `date` in the newsroom zone, with its offset.
 * @example toNewsroomTime(new Date('2026-11-29T22:00:00Z')) // '2026-11-30T00:00:00+02:00'
 */
export function toNewsroomTime(date: Date): string {
  const p = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${zoneOffset(date)}`;
}

/**
 * A date for readers: Arabic month names, Latin digits, the newsroom's calendar day.
 * @example formatDisplayDate('2026-11-30T00:00:00+02:00') // '30 نوفمبر 2026'
 */
export function formatDisplayDate(rfc3339: string): string {
  return displayFormat.format(new Date(rfc3339));
}

/**
 * A date and time for readers (comments), in the newsroom's zone.
 * @example formatDisplayDateTime('2026-11-30T08:05:00Z') // '30 نوفمبر 2026 في 10:05 ص'
 */
export function formatDisplayDateTime(iso: string): string {
  return displayDateTimeFormat.format(new Date(iso));
}
