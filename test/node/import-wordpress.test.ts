// `npm run import:wordpress` on the real WordPress 6.1 (Arabic) export in test/fixtures/wordpress: the conversion
// itself, then the real script with the real wrangler against a throwaway local D1.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublication, readContentDir } from '../../scripts/lib/publication.ts';
import { commentToText, postToMarkdown } from '../../scripts/lib/wordpress-html.ts';
import { cleanSlug, planImport } from '../../scripts/lib/wordpress-import.ts';
import { wranglerOrThrow } from '../../scripts/lib/wrangler.ts';
import { parseWxr } from '../../scripts/lib/wxr.ts';
import { hmacHex } from '../../src/crypto.ts';
import { runScript } from './helpers/run-script.ts';

const EXPORT = 'test/fixtures/wordpress/export.xml';
const SEED_SLUG = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';
const SECRET = 'import-test-secret';

/** The values of one WXR element, read from the raw file with plain string search (independent of the importer). */
function rawValues(xml: string, element: string): string[] {
  return xml
    .split(`<wp:${element}>`)
    .slice(1)
    .map((part) =>
      part
        .slice(0, part.indexOf(`</wp:${element}>`))
        .replace('<![CDATA[', '')
        .replace(']]>', ''),
    );
}

describe('converting the export', () => {
  it("gives the seed article word for word as the project's own seed article renders", async () => {
    const plan = await planImport(parseWxr(await readFile(EXPORT, 'utf8')), { ipHashSecret: SECRET });
    const imported = plan.articles.find((a) => a.slug === SEED_SLUG);
    expect(imported).toBeDefined();
    const ours = buildPublication(await readContentDir('content/articles')).publication?.articles[0];
    const built = buildPublication([{ path: `${SEED_SLUG}.md`, source: imported?.source ?? '' }]);
    expect(built.errors).toEqual([]);
    const theirs = built.publication?.articles[0];
    expect(theirs?.body_html).toBe(ours?.body_html);
    expect(theirs?.headings).toEqual(ours?.headings);
    expect(theirs?.title).toBe(ours?.title);
    expect(theirs?.dek).toBe(ours?.dek);
    expect(theirs?.category.name).toBe(ours?.category.name);
    const seed = (await readFile('test/fixtures/seed-article.txt', 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const blocks = (imported?.source.split('\n---\n\n')[1] ?? '').trim().split('\n\n');
    expect(blocks.map((b) => b.replace(/^## /, ''))).toEqual(seed.slice(3, -3));
  });

  it('chooses a clean slug where WordPress cut one mid-word, and keeps whole ones', () => {
    const cut = rawValues(
      '<wp:post_name>%d8%aa%d8%b1%d9%83%d9%8a%d8%a7-%d8%aa%d8%b9%d8%b2%d8%b2-%d8%aa%d8%b9%d8%a7%d9%88%d9%86%d9%87%d8%a7-%d8%a7%d9%84%d8%b9%d8%b3%d9%83%d8%b1%d9%8a-%d9%85%d8%b9-%d8%b4%d8%b1%d9%82-%d9%84%d9%8a%d8%a8%d9%8a</wp:post_name>',
      'post_name',
    )[0] as string;
    expect(cleanSlug(cut, 'تركيا تعزز تعاونها العسكري مع شرق ليبيا.. زيارة صدام حفتر', 'post-4')).toBe(SEED_SLUG);
    // Cut, and the title says something else: back to the last whole word.
    expect(cleanSlug(cut, 'عنوان آخر', 'post-4')).toBe('تركيا-تعزز-تعاونها-العسكري-مع-شرق');
    expect(cleanSlug('%d8%a3%d9%87%d9%84%d8%a7-%d8%a8%d8%a7%d9%84%d8%b9%d8%a7%d9%84%d9%85', 'أهلاً بالعالم !', 'p')).toBe(
      'أهلا-بالعالم',
    );
    expect(cleanSlug('Hello_World!', 'Hello', 'post-9')).toBe('hello-world');
  });

  it('turns blocks, [caption], embeds and entities into Markdown the publisher accepts', () => {
    const { markdown } = postToMarkdown(
      [
        '<!-- wp:heading {"level":1} --><h1>عنوان &amp; فرعي</h1><!-- /wp:heading -->',
        '<!-- wp:paragraph --><p>pi&#241;a &laquo;نص&raquo; <strong>مهم</strong></p><!-- /wp:paragraph -->',
        '[caption id="attachment_5" align="alignnone" width="300"]<img src="https://example.org/a.jpg" alt="ميناء"> ميناء بنغازي[/caption]',
        '[embed]https://www.youtube.com/watch?v=x[/embed]',
        '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>المدينة</th><th>الزيارات</th></tr></thead>' +
          '<tbody><tr><td>بنغازي</td><td>3</td></tr></tbody></table></figure><!-- /wp:table -->',
      ].join('\n\n'),
    );
    expect(markdown).toBe(
      [
        '## عنوان & فرعي',
        'piña «نص» **مهم**',
        '![ميناء](https://example.org/a.jpg)',
        '*ميناء بنغازي*',
        '[https://www.youtube.com/watch?v=x](https://www.youtube.com/watch?v=x)',
        '| المدينة | الزيارات |\n| --- | --- |\n| بنغازي | 3   |',
      ].join('\n\n'),
    );
    // Classic-editor posts have no <p>: their blank lines are paragraphs (wpautop).
    expect(postToMarkdown('سطر أول\n\nفقرة ثانية').markdown).toBe('سطر أول\n\nفقرة ثانية');
  });

  it('keeps comments as plain text with their paragraphs and link addresses', () => {
    expect(commentToText('رأي <b>مهم</b> مع <a href="https://example.com/x" rel="nofollow ugc">رابط</a>')).toBe(
      'رأي مهم مع رابط (https://example.com/x)',
    );
    expect(commentToText('أولاً\n\nثانياً &amp; *أخيراً*')).toBe('أولاً\n\nثانياً & *أخيراً*');
  });
});

/** A small WXR 1.2 export with the cases the real one lacks. */
function syntheticExport(): string {
  const comment = (id: number, parent: number, extra = '') =>
    `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[قارئ ${id}]]></wp:comment_author>` +
    `<wp:comment_author_email>r${id}@example.com</wp:comment_author_email><wp:comment_author_IP>203.0.113.${id}</wp:comment_author_IP>` +
    `<wp:comment_date_gmt>2025-01-0${Math.min(id, 9)} 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[تعليق رقم ${id}]]></wp:comment_content>` +
    `<wp:comment_parent>${parent}</wp:comment_parent>${extra}</wp:comment>`;
  const status = (value: string) => `<wp:comment_approved>${value}</wp:comment_approved>`;
  const item = (id: number, postStatus: string, type: string, body: string) =>
    `<item><title>مقال ${id}</title><dc:creator>huda</dc:creator><content:encoded><![CDATA[<p>نص ${id}</p>]]></content:encoded>` +
    `<excerpt:encoded>ملخص</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2025-01-01 08:00:00</wp:post_date_gmt>` +
    `<wp:post_modified_gmt>2025-01-02 08:00:00</wp:post_modified_gmt><wp:comment_status>closed</wp:comment_status>` +
    `<wp:post_name>maqal-${id}</wp:post_name><wp:status>${postStatus}</wp:status><wp:post_type>${type}</wp:post_type>` +
    `<category domain="category" nicename="%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9"><![CDATA[سياسة]]></category>` +
    `<category domain="category" nicename="other"><![CDATA[أخرى]]></category>` +
    `<category domain="post_tag" nicename="x"><![CDATA[طاقة &amp; نفط]]></category>${body}</item>`;
  const deep = [1, 2, 3, 4, 5, 6].map((id) => comment(id, id - 1, status('1'))).join('');
  const others =
    comment(7, 0, `${status('spam')}`) +
    comment(8, 0, `${status('1')}<wp:comment_type>pingback</wp:comment_type>`) +
    comment(9, 0, `${status('0')}<wp:comment_author_url>javascript:alert(1)</wp:comment_author_url>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
    <wp:author><wp:author_login>huda</wp:author_login><wp:author_display_name>هدى</wp:author_display_name></wp:author>
    ${item(10, 'publish', 'post', deep + others)}${item(11, 'draft', 'post', '')}${item(12, 'private', 'post', '')}
    ${item(13, 'future', 'post', '')}${item(14, 'inherit', 'attachment', '')}</channel></rss>`;
}

describe('planning an import', () => {
  it('keeps statuses, clamps deep threads at 5 levels, skips pingbacks, drafts, private and scheduled posts', async () => {
    const plan = await planImport(parseWxr(syntheticExport()), { ipHashSecret: SECRET });
    expect(plan.articles.map((a) => a.slug)).toEqual(['maqal-10']);
    const source = plan.articles[0]?.source ?? '';
    expect(source).toContain('comments: closed');
    expect(source).toContain('- هدى');
    expect(source).toContain('- طاقة & نفط');
    expect(source).toContain('slug: سياسة');
    // The first category is the article's, and the only one whose old archive has somewhere to go.
    expect(plan.redirects.map((r) => r.key)).toEqual(['id:10', 'post:maqal-10', 'category:سياسة']);
    expect(source).toContain('published: 2025-01-01T10:00:00+02:00');
    expect(source).toContain('updated: 2025-01-02T10:00:00+02:00');
    expect(Object.fromEntries(plan.skippedItems)).toEqual({ draft: 1, private: 1, scheduled: 1, attachment: 1 });
    expect(Object.fromEntries(plan.skippedComments)).toEqual({ pingback: 1 });
    const byId = new Map(plan.comments.map((c) => [c.wordpressId, c]));
    expect([1, 2, 3, 4, 5, 6].map((id) => byId.get(id)?.depth)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(byId.get(6)?.parentWordpressId).toBe(4);
    expect(byId.get(7)?.status).toBe('spam');
    expect(byId.get(9)?.status).toBe('pending');
    expect(byId.get(9)?.url).toBeNull();
    expect(plan.notes.join('\n')).toContain('comment 6 on «maqal-10»: 6 levels deep; attached at level 5');
    expect(plan.notes.join('\n')).toContain('website «javascript:alert(1)» is not a valid http(s) address');
  });
});

let dir = '';
let content = '';
let state = '';

const local = (file: string, ...args: string[]) =>
  runScript('scripts/import-wordpress.ts', [file, '--local', '--persist-to', state, '--content', content, ...args], {
    IP_HASH_SECRET: SECRET,
  });

async function query<T>(sql: string): Promise<T[]> {
  const { stdout } = await wranglerOrThrow(['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', sql]);
  return (JSON.parse(stdout) as Array<{ results: T[] }>).at(-1)?.results ?? []; // the last statement's rows
}

/** Every file under a folder, recursively (the local D1's SQLite files among them). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minbar-import-test-'));
  content = join(dir, 'articles');
  state = join(dir, 'state');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run import:wordpress', () => {
  it('refuses a truncated export, or a file that is not one, before writing anything', async () => {
    const xml = await readFile(EXPORT, 'utf8');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'truncated.xml'), xml.slice(0, Math.floor(xml.length * 0.7)));
    const truncated = await local(join(dir, 'truncated.xml'));
    expect(truncated.code).toBe(1);
    expect(truncated.out).toContain('nothing was written: not well-formed XML');
    const notWxr = await local('test/fixtures/schemas/sitemap.xsd');
    expect(notWxr.code).toBe(1);
    expect(notWxr.out).toContain('not a WordPress export');
    const unsure = await runScript('scripts/import-wordpress.ts', [EXPORT]);
    expect(unsure.code).toBe(2);
    expect(unsure.out).toContain('choose exactly one of --local or --remote');
    expect((await readdir(dir)).sort()).toEqual(['truncated.xml']);
  });

  it('with --dry-run says what it would do and writes nothing', async () => {
    const { code, out } = await local(EXPORT, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('articles: 2 would add');
    expect(out).toContain('comments: 8 would add (5 approved, 2 pending, 1 trash)');
    expect(out).toContain('skipped items: 2 page');
    expect((await readdir(dir)).sort()).toEqual(['truncated.xml']);
  });

  it('writes the articles, and every comment with its status, thread, date and no raw IP', async () => {
    const xml = await readFile(EXPORT, 'utf8');
    const { code, out } = await local(EXPORT);
    expect(code, out).toBe(0);
    expect((await readdir(content)).sort()).toEqual(['أهلا-بالعالم.md', `${SEED_SLUG}.md`].sort());
    expect(buildPublication(await readContentDir(content)).errors).toEqual([]);

    const approvals = rawValues(xml, 'comment_approved'); // the fixture has no pingbacks, so every comment counts
    const rows = await query<{
      id: number;
      parent_id: number | null;
      depth: number;
      wordpress_id: number;
      status: string;
      author_name: string;
      created_at: string;
      ip_hash: string;
    }>('SELECT id, parent_id, depth, wordpress_id, status, author_name, created_at, ip_hash FROM comments ORDER BY id');
    const statuses = (status: string) => rows.filter((r) => r.status === status).length;
    expect(rows).toHaveLength(approvals.length);
    expect(['approved', 'pending', 'trash'].map(statuses)).toEqual([
      approvals.filter((a) => a === '1').length,
      approvals.filter((a) => a === '0').length,
      approvals.filter((a) => a === 'trash').length,
    ]);
    const byWp = new Map(rows.map((r) => [r.wordpress_id, r]));
    expect(byWp.get(16)?.parent_id).toBe(byWp.get(15)?.id);
    expect(byWp.get(17)?.parent_id).toBe(byWp.get(16)?.id);
    expect([15, 16, 17].map((id) => byWp.get(id)?.depth)).toEqual([1, 2, 3]);
    expect(byWp.get(15)?.created_at).toBe('2025-04-03T07:15:00.000Z');
    // The thread keeps its order: each reply after what it answers, and the seed's comments oldest first.
    expect([15, 16, 17, 18, 20, 21, 22].map((id) => byWp.get(id)?.id)).toEqual(
      [...[15, 16, 17, 18, 20, 21, 22].map((id) => byWp.get(id)?.id ?? 0)].sort((a, b) => a - b),
    );
    expect(byWp.get(21)?.author_name).toBe('Maleroy'); // the right-to-left override is gone

    const ips = rawValues(xml, 'comment_author_IP').filter((ip) => ip !== '');
    expect(ips.length).toBeGreaterThan(0);
    // Hashed with IP_HASH_SECRET exactly as the Worker hashes a new commenter's IP, so flood control can match them.
    expect(byWp.get(15)?.ip_hash).toBe(await hmacHex(SECRET, '192.0.2.10'));
    for (const file of await filesUnder(state)) {
      const bytes = await readFile(file, 'latin1');
      for (const ip of ips) expect(bytes.includes(ip), `${ip} in ${file}`).toBe(false);
    }
  }, 300_000);

  it('run again, adds nothing and changes nothing, and brings back no comment deleted since', async () => {
    // A moderator deletes the imported trashed comment for good.
    const before = await query<Record<string, unknown>>(
      'DELETE FROM comments WHERE wordpress_id = 20; SELECT * FROM comments ORDER BY id',
    );
    expect(before.map((row) => row.wordpress_id)).not.toContain(20);
    const files = await Promise.all((await readdir(content)).map((f) => readFile(join(content, f), 'utf8')));
    const { code, out } = await local(EXPORT);
    expect(code, out).toBe(0);
    expect(out).toContain('articles: 0 added, 2 unchanged');
    expect(out).toContain('comments: 0 added (none), 8 already imported');
    expect(out).toContain('old URLs: 0 added, 6 already mapped');
    expect(await query<Record<string, unknown>>('SELECT * FROM comments ORDER BY id')).toEqual(before);
    expect(await Promise.all((await readdir(content)).map((f) => readFile(join(content, f), 'utf8')))).toEqual(files);
  }, 300_000);
});
