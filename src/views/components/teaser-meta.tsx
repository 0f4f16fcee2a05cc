/** The line under a teaser or a search result: its category and its date. */
import type { Category } from '../../domain/article.ts';
import { categoryPath } from '../../urls.ts';
import { PublishedDate } from './published-date.tsx';

/** Category link · date. */
export function TeaserMeta({ category, publishedAt }: { category: Category; publishedAt: string }) {
  return (
    <p class="meta">
      <a href={categoryPath(category.slug)}>{category.name}</a>
      {' · '}
      <PublishedDate at={publishedAt} />
    </p>
  );
}
