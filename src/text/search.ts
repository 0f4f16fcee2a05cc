/**
 * Arabic-aware search terms: one normaliser for the indexed text and for the query, so spelling variants and
 * attached prefixes meet. SQLite's FTS5 tokenizer knows none of this (vowel marks split its words, and أ/ا, ة/ه
 * never match), so Minbar hands FTS5 words that are already folded and lightly stemmed.
 */
import { foldForMatching } from './fold.ts';

/** Attached prefixes removed from the start of a folded word, longest first: conjunction/preposition + article. */
const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** Letters and digits of any script: a word. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The search form of one folded word: the article and the conjunctions و and ف (with or without the article) are
 * stripped, keeping at least two letters of the word.
 * @example searchStem('الليبيه') // 'ليبيه'
 */
export function searchStem(word: string): string {
  for (const prefix of PREFIXES)
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  if ((word.startsWith('و') || word.startsWith('ف')) && word.length >= 4) return word.slice(1);
  return word;
}

/**
 * The search terms of a text: folded by foldForMatching (compatibility forms, invisible characters, tashkeel, tatweel, alef and hamza forms, ta marbuta, alef maqsura, Persian
 * letters, Arabic-Indic digits), split into words, each stemmed.
 * @example searchTerms('وتُرْكِيـــا والليبية') // ['تركيا', 'ليبيه']
 */
export function searchTerms(text: string): string[] {
  return (foldForMatching(text).match(WORD) ?? []).map(searchStem);
}

/** Text as the index stores it: its search terms, space-separated. */
export const indexText = (text: string): string => searchTerms(text).join(' ');

/**
 * An FTS5 MATCH expression for a reader's query: every term must appear, each quoted as a plain string (so FTS5
 * syntax in the query, such as `"`, `*`, `NEAR(` or `OR`, is only ever text), the last one also as a prefix.
 * Returns null when the query has no searchable word.
 * @example ftsQuery('انقرة "تركيا*"') // '"انقره" "تركيا"*'
 */
export function ftsQuery(query: string): string | null {
  const terms = [...new Set(searchTerms(query))].slice(0, 12);
  if (terms.length === 0) return null;
  // Stryker disable next-line StringLiteral,Regex: a term holds only letters and digits (WORD), never a quote to double
  const quoted = terms.map((term) => `"${term.replace(/"/g, '""')}"`);
  return quoted.map((term, i) => `${term}${i === quoted.length - 1 ? '*' : ''}`).join(' ');
}

// Stryker disable next-line Regex: a token is all spaces or has none (split below), so dropping either anchor changes nothing
const isSpace = (token: string): boolean => /^\s+$/.test(token);

/** A piece of a snippet: plain text, marked when it matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A window of the original text around the first match, cut into parts so the caller can mark matching words
 * (in HTML, `<mark>`), without ever treating the text as markup.
 */
export function snippet(text: string, query: string, maxWords = 30): SnippetPart[] {
  const wanted = searchTerms(query);
  const isMatch = (word: string) => {
    const [term] = searchTerms(word);
    return term !== undefined && wanted.some((w) => term.startsWith(w));
  };
  // Stryker disable next-line Regex: splitting at single spaces, or capturing the words instead, gives the same words and spaces once empty pieces are dropped
  const tokens = text.split(/(\s+)/).filter((t) => t !== '');
  const words = tokens.filter((t) => !isSpace(t));
  const first = Math.max(0, words.findIndex(isMatch));
  const start = Math.max(0, first - Math.floor(maxWords / 3));
  const parts: SnippetPart[] = [];
  let seen = -1;
  for (const token of tokens) {
    if (!isSpace(token)) seen += 1;
    if (seen < start || seen >= start + maxWords) continue;
    // Stryker disable next-line ConditionalExpression: the space test only saves work: whitespace has no search term, so isMatch is false for it anyway
    const match = !isSpace(token) && isMatch(token);
    const last = parts.at(-1);
    if (last && last.match === match) last.text += token;
    else parts.push({ text: token, match });
  }
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (start + maxWords < words.length) parts.push({ text: ' …', match: false });
  return parts;
}
