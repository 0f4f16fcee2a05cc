/**
 * The moderators' digest as plain text: the count, then each waiting comment with its article and a link into
 * the desk (`/admin/comments?status=pending`, `/admin/comments/:id`). Links only open pages: the desk never acts by GET.
 */
import type { Comment } from '../domain/comment.ts';
import { COMMENT_COUNT, pluralize } from '../text/plural.ts';
import { absoluteUrl } from '../urls.ts';

/** Characters of each comment quoted in the digest. */
const EXCERPT_LENGTH = 200;

/** What the digest says. */
export interface DigestInput {
  siteUrl: string;
  /** All comments waiting. */
  total: number;
  /** The newest of them, with their article titles (by slug). */
  comments: Comment[];
  titles: Map<string, string>;
}

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : flat;
};

/**
 * Subject and body of the digest.
 * @example digestEmail({ siteUrl, total: 3, comments, titles }).subject // 'منبر: 3 تعليقات بانتظار المراجعة'
 */
export function digestEmail({ siteUrl, total, comments, titles }: DigestInput): { subject: string; text: string } {
  const waiting = `${pluralize(total, COMMENT_COUNT)} بانتظار المراجعة`;
  const desk = (path: string) => absoluteUrl(siteUrl, path);
  const lines = [
    `${waiting}: ${desk('/admin/comments?status=pending')}`,
    '',
    ...comments.flatMap((c) => [
      `${c.authorName} على «${titles.get(c.articleSlug) ?? c.articleSlug}»:`,
      excerpt(c.body),
      desk(`/admin/comments/${c.id}`),
      '',
    ]),
    // Said once: the links only open the desk, and no other digest comes until someone opens the queue.
    'لن تصل رسالة أخرى قبل فتح طابور المراجعة.',
  ];
  return { subject: `منبر: ${waiting}`, text: lines.join('\r\n') };
}
