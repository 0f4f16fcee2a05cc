/**
 * Comments as the rest of the app sees them (storage maps its rows to these), and the moderation rules.
 * Pure: no I/O, so the rules are tested on their own.
 */
import { foldForMatching } from '../text/fold.ts';

/** Where a comment stands. Only `approved` comments are ever public. */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

/** A comment with everything moderators may see. */
export interface Comment {
  id: number;
  articleSlug: string;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: CommentStatus;
  createdAt: string;
  updatedAt: string;
  ipHash: string;
  userAgent: string;
  /** Pinned to the top of its article by a moderator (only ever an approved top-level comment); absent otherwise. */
  pinned?: true;
}

/** What the public may see of a comment: never an email, an IP hash or a user agent. */
export type PublicComment = Pick<
  Comment,
  'id' | 'parentId' | 'depth' | 'authorName' | 'authorUrl' | 'body' | 'createdAt' | 'pinned'
> & {
  /** Approved direct replies (the "most replied" order). */
  replyCount: number;
  /** «أتفق» reactions; shown only while the comment is approved. */
  agreeCount: number;
  /** Set on the newsroom's replies from the desk (readers' comments have none). */
  role?: 'newsroom';
};

/** A public comment with its visible replies. */
export interface CommentThread extends PublicComment {
  replies: CommentThread[];
}

/** Deepest reply level, as in WordPress's default threading. */
export const MAX_DEPTH = 5;

/** How strictly new comments are held, as WordPress's "comment must be manually approved" options. */
export const MODERATION_MODES = ['first', 'all', 'none'] as const;

/** One of MODERATION_MODES. */
type ModerationMode = (typeof MODERATION_MODES)[number];

/** The moderation settings of the site (wrangler.jsonc vars). */
export interface ModerationSettings {
  mode: ModerationMode;
  /** Words that hold a comment for moderation. */
  moderationWords: string[];
  /** Words that send a comment straight to spam. */
  disallowedWords: string[];
  /** A comment with this many links or more is held. */
  maxLinks: number;
  /** Comments close this many days after publication; 0 never. */
  closeAfterDays: number;
}

/** The checked configuration the settings come from (src/config.ts validates the vars of wrangler.jsonc). */
export interface ModerationConfig {
  COMMENT_MODERATION: ModerationMode;
  COMMENT_MODERATION_WORDS: string;
  COMMENT_DISALLOWED_WORDS: string;
  COMMENT_MAX_LINKS: number;
  COMMENTS_CLOSE_AFTER_DAYS: number;
}

/** A word list as typed: separated by commas, Arabic commas or lines; each word folded, as the text it is matched in. */
const wordList = (value: string): string[] =>
  value
    .split(/[\n,،]/)
    .map(foldForMatching)
    .filter((word) => word !== '');

const settingsOf = new WeakMap<ModerationConfig, ModerationSettings>();

/**
 * The moderation settings of a checked configuration, computed once per configuration (so once per isolate).
 * @example readModerationSettings(readConfig(env)).mode // 'first'
 */
export function readModerationSettings(config: ModerationConfig): ModerationSettings {
  let settings = settingsOf.get(config);
  if (!settings) {
    settings = {
      mode: config.COMMENT_MODERATION,
      moderationWords: wordList(config.COMMENT_MODERATION_WORDS),
      disallowedWords: wordList(config.COMMENT_DISALLOWED_WORDS),
      maxLinks: config.COMMENT_MAX_LINKS,
      closeAfterDays: config.COMMENTS_CLOSE_AFTER_DAYS,
    };
    settingsOf.set(config, settings);
  }
  return settings;
}

/** What moderation looks at. */
export interface ModerationInput {
  name: string;
  email: string;
  url: string | null;
  body: string;
  /** The honeypot field was filled: only a bot sees it. */
  honeypot: boolean;
  /** This email already has an approved comment. */
  knownAuthor: boolean;
}

/** The status a new comment gets, and why (for logs and tests). */
export interface ModerationDecision {
  status: Exclude<CommentStatus, 'trash'>;
  reason:
    | 'honeypot'
    | 'disallowed-word'
    | 'links'
    | 'moderation-word'
    | 'mode-all'
    | 'first-comment'
    | 'known-author'
    | 'mode-none';
}

const LINK = /(?:https?:\/\/|www\.)/gi;

/** One reason a comment was held or judged spam, with what triggered it (the word, the number of links). */
export interface HoldReason {
  code: 'blocked' | 'honeypot' | 'disallowed-word' | 'links' | 'moderation-word' | 'mode-all' | 'first-comment';
  detail?: string;
}

/** A reason the rules give: all but `blocked`, which only submission adds (for a blocked commenter). */
type RuleReason = HoldReason & { code: Exclude<HoldReason['code'], 'blocked'> };

/**
 * Every rule that holds `input` under `settings` (not only the first), in the order they decide: stored with the
 * comment so the desk can say why it waits. Words match after foldForMatching, in name, email, website and body.
 * @example holdReasons({ ...input, body: 'http://a http://b' }, settings) // [{ code: 'links', detail: '2' }, …]
 */
export function holdReasons(input: ModerationInput, settings: ModerationSettings): RuleReason[] {
  const reasons: RuleReason[] = [];
  if (input.honeypot) reasons.push({ code: 'honeypot' });
  const haystack = foldForMatching([input.name, input.email, input.url ?? '', input.body].join('\n'));
  for (const word of settings.disallowedWords)
    if (haystack.includes(word)) reasons.push({ code: 'disallowed-word', detail: word });
  // Stryker disable next-line StringLiteral: the website is validated to start with http(s)://, so no separator can make or break a link across the two
  const links = [input.body, input.url ?? ''].join('\n').match(LINK)?.length ?? 0;
  if (settings.maxLinks > 0 && links >= settings.maxLinks) reasons.push({ code: 'links', detail: String(links) });
  for (const word of settings.moderationWords)
    if (haystack.includes(word)) reasons.push({ code: 'moderation-word', detail: word });
  if (settings.mode === 'all') reasons.push({ code: 'mode-all' });
  if (settings.mode === 'first' && !input.knownAuthor) reasons.push({ code: 'first-comment' });
  return reasons;
}

/**
 * Decides a new comment's status, WordPress's way, from the first reason that applies: the honeypot or a disallowed
 * word → spam; 2+ links, a moderation word or the mode → held; otherwise approved.
 */
export function moderate(input: ModerationInput, settings: ModerationSettings): ModerationDecision {
  const first = holdReasons(input, settings)[0]?.code;
  if (first === 'honeypot' || first === 'disallowed-word') return { status: 'spam', reason: first };
  if (first) return { status: 'pending', reason: first };
  return { status: 'approved', reason: settings.mode === 'first' ? 'known-author' : 'mode-none' };
}

/** Whether an article still takes comments: open in front matter and, if the site closes old threads, young enough. */
export function commentsOpen(
  article: { comments_open: boolean; published_at: string },
  settings: ModerationSettings,
  now: Date,
): boolean {
  if (!article.comments_open) return false;
  if (settings.closeAfterDays === 0) return true;
  return now.getTime() - Date.parse(article.published_at) < settings.closeAfterDays * 86_400_000;
}

/**
 * Nests a flat, oldest-first list of visible comments into threads. Replies whose parent is not in the list
 * (not approved) are left out, so a hidden comment never exposes its subtree out of context.
 */
export function buildThreads(comments: PublicComment[]): CommentThread[] {
  const byId = new Map<number, CommentThread>();
  const roots: CommentThread[] = [];
  for (const comment of comments) {
    const thread: CommentThread = { ...comment, replies: [] };
    byId.set(comment.id, thread);
    if (comment.parentId === null) roots.push(thread);
    else byId.get(comment.parentId)?.replies.push(thread);
  }
  return roots;
}
