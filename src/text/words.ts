/** Word counts and reading time, for Arabic and any other script. */

/** Average silent reading speed for Arabic news prose, in words per minute. */
const WORDS_PER_MINUTE = 180;

/** Number of words in plain text: runs of letters or digits, so punctuation such as «» or ، counts for nothing. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whole minutes needed to read `words` words; at least 1 for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
