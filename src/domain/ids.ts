/**
 * Row ids as URLs, forms and cursors carry them: 1–12 decimal digits. Ids stay far below 10¹² and within
 * Number.MAX_SAFE_INTEGER, so anything longer is not an id (a 404 or a field error, never a lookup).
 */

/** An id in text. */
export const ID_PATTERN = /^\d{1,12}$/;

/** True when `text` is an id. */
export const isId = (text: string | undefined): text is string => text !== undefined && ID_PATTERN.test(text);

/**
 * The id `text` names, or null when it names none.
 * @example parseId('42') // 42
 * @example parseId('4e2') // null
 */
export const parseId = (text: string | undefined): number | null => (isId(text) ? Number(text) : null);
