/**
 * The only component that emits raw HTML: the article body.
 * It is trusted because the publisher rendered it from content/ and passed it through an allowlist
 * sanitizer at publish time (scripts/lib/publication.ts); no reader input ever reaches it.
 */
export function ArticleBody({ html }: { html: string }) {
  return <div class="body" dangerouslySetInnerHTML={{ __html: html }} />;
}
