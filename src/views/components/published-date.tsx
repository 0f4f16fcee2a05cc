/** A visible date with its machine-readable form. */
import { formatDisplayDate } from '../../text/dates.ts';

/** `<time datetime>` showing an RFC 3339 date in Arabic, in the newsroom's time zone. */
export function PublishedDate({ at }: { at: string }) {
  return <time datetime={at}>{formatDisplayDate(at)}</time>;
}
