/**
 * The article page: breadcrumb, the article, the comments area and the way back to the top.
 */

import type { ArticleDocument } from '../domain/article.ts';
import type { RetentionSettings } from '../domain/background-settings.ts';
import type { CommentThread, PublicComment } from '../domain/comment.ts';
import { type CommentSort, threadQuery } from '../domain/comment-sort.ts';
import { COMMENT_COUNT, pluralize, READING_MINUTES } from '../text/plural.ts';
import { absoluteUrl, articlePath, categoryPath, commentsFeedBase } from '../urls.ts';
import { ArticleBody } from './components/article-body.tsx';
import { CommentForm, type CommentFormState } from './components/comment-form.tsx';
import { CommentList } from './components/comment-list.tsx';
import { CommentSortNav } from './components/comment-sort-nav.tsx';
import { JsonLd } from './components/json-ld.tsx';
import { PrivacyNotice } from './components/privacy-notice.tsx';
import { PublishedDate } from './components/published-date.tsx';
import { Layout, SITE_NAME } from './layout.tsx';

/** Heading of the comments area, as on the original site. */
const COMMENTS_HEADING = 'اترك تعليقاً';
/** The notice under it, as on the original site. */
const COMMENTS_NOTICE = 'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *';
/** Shown instead of the comments and the form while the comments database cannot be read. */
export const COMMENTS_UNAVAILABLE = 'التعليقات غير متاحة مؤقتاً. حاول مرة أخرى بعد قليل.';
/** Text of the back-to-top link. */
const BACK_TO_TOP = 'الذهاب إلى الأعلى';

/** What the article page shows. */
export interface ArticlePageProps {
  article: ArticleDocument;
  siteUrl: string;
  /** Null while the comments cannot be read: the article is shown with a notice instead. */
  comments: ArticleComments | null;
}

/** The comments part of the page. */
export interface ArticleComments {
  open: boolean;
  /** Approved comments in all. */
  total: number;
  threads: CommentThread[];
  /** The approved comments of this page, in id order (their «أتفق» counts are part of the page's ETag). */
  shown: PublicComment[];
  /** The order the reader chose. */
  sort: CommentSort;
  /** The cursor this page of threads starts after, as the reader's URL gave it. */
  after?: string;
  /** Cursor of the next page of threads, when there is one. */
  nextCursor: string | null;
  /** This browser's own held comments, shown in place with a notice. */
  held: ReadonlySet<number>;
  form: CommentFormState;
  /** Retention periods, for the privacy notice under the form. */
  retention: RetentionSettings;
}

/**
 * The NewsArticle structured data of the page (https://schema.org/NewsArticle), as Google's article guidelines ask:
 * authors as Person with their profile URL when known, every crop of the lead image, and the approved comments shown.
 */
function newsArticleData(article: ArticleDocument, url: string, siteUrl: string, commentCount: number | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek,
    datePublished: article.published_at,
    dateModified: article.updated_at,
    inLanguage: 'ar',
    articleSection: article.category.name,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    wordCount: article.word_count,
    publisher: { '@type': 'Organization', name: SITE_NAME, url: siteUrl },
    // Unknown while the comments cannot be read: left out rather than stated as zero.
    ...(commentCount === null ? {} : { commentCount }),
    ...(article.authors.length > 0
      ? {
          author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) })),
        }
      : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.join('، ') } : {}),
    ...(article.image ? { image: [article.image.url, ...article.image.variants.map((v) => v.url)] } : {}),
  };
}

function SocialMeta({ article, url }: { article: ArticleDocument; url: string }) {
  const { image } = article;
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:locale" content="ar_LY" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.dek} />
      <meta property="og:url" content={url} />
      {image ? (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:alt" content={image.alt} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
        </>
      ) : null}
      <meta property="article:published_time" content={article.published_at} />
      <meta property="article:modified_time" content={article.updated_at} />
      <meta property="article:section" content={article.category.name} />
      {article.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      {article.authors.map((a) => (
        <meta property="article:author" content={a.url ?? a.name} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={article.title} />
      <meta name="twitter:description" content={article.dek} />
      {image ? (
        <>
          <meta name="twitter:image" content={image.url} />
          <meta name="twitter:image:alt" content={image.alt} />
        </>
      ) : null}
    </>
  );
}

/** The full article page. */
export function ArticlePage({ article, siteUrl, comments }: ArticlePageProps) {
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const failed = comments !== null && (Object.keys(comments.form.errors).length > 0 || comments.form.alert !== undefined);
  return (
    <Layout
      title={`${failed ? 'خطأ: ' : ''}${article.title} | ${SITE_NAME}`}
      feeds={[{ title: `تعليقات: ${article.title}`, base: commentsFeedBase(article.slug) }]}
      description={article.dek}
      canonical={url}
      head={
        <>
          <SocialMeta article={article} url={url} />
          <JsonLd data={newsArticleData(article, url, siteUrl, comments?.total ?? null)} />
        </>
      }
    >
      <nav class="crumbs" aria-label="مسار التنقل">
        <ol>
          <li>
            <a href="/">الرئيسية</a>
          </li>
          <li>
            <a href={categoryPath(article.category.slug)}>{article.category.name}</a>
          </li>
        </ol>
      </nav>
      <article>
        <header>
          <h1>{article.title}</h1>
          <p class="dek">{article.dek}</p>
          <p class="meta">
            <PublishedDate at={article.published_at} />
            {article.authors.map((a, i) => (
              <>
                {i === 0 ? ' · ' : '، '}
                {a.url ? (
                  <a href={a.url} rel="author">
                    <bdi>{a.name}</bdi>
                  </a>
                ) : (
                  <bdi>{a.name}</bdi>
                )}
              </>
            ))}
            {` · ${pluralize(article.reading_minutes, READING_MINUTES)}`}
          </p>
        </header>
        {article.image ? (
          <img src={article.image.url} alt={article.image.alt} width={article.image.width} height={article.image.height} />
        ) : null}
        <ArticleBody html={article.body_html} />
      </article>
      {comments ? (
        <>
          <section class="comments" id="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{pluralize(comments.total, COMMENT_COUNT)}</h2>
            {comments.total > 1 ? <CommentSortNav path={articlePath(article.slug)} current={comments.sort} /> : null}
            {comments.threads.length > 0 ? (
              <CommentList
                threads={comments.threads}
                held={comments.held}
                open={comments.open}
                agree={{ view: threadQuery({ sort: comments.sort, comments_after: comments.after }) }}
              />
            ) : null}
            {comments.nextCursor !== null ? (
              <p>
                <a href={`?${threadQuery({ sort: comments.sort, comments_after: comments.nextCursor })}#comments`}>
                  المزيد من التعليقات
                </a>
              </p>
            ) : null}
          </section>
          <section class="respond" id="respond" aria-labelledby="respond-title">
            <h2 id="respond-title">{COMMENTS_HEADING}</h2>
            <p class="notice">{COMMENTS_NOTICE}</p>
            <CommentForm slug={article.slug} open={comments.open} state={comments.form} />
            {comments.open ? <PrivacyNotice retention={comments.retention} /> : null}
          </section>
        </>
      ) : (
        <section class="comments" id="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">التعليقات</h2>
          <p class="notice" role="status">
            {COMMENTS_UNAVAILABLE}
          </p>
        </section>
      )}
      <a class="to-top" href="#top">
        {BACK_TO_TOP}
      </a>
    </Layout>
  );
}
