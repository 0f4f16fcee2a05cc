// Reading HTML the way a browser would, with workerd's own streaming parser (HTMLRewriter).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/** Decodes the character references an HTML serializer emits. */
const decodeEntities = (text: string): string => text.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);

/** The decoded text content of every element matching `selector`, in document order. */
export async function textsOf(html: string, selector: string): Promise<string[]> {
  const texts: string[] = [];
  const open: number[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        open.push(texts.length);
        texts.push('');
        element.onEndTag(() => {
          open.pop();
        });
      },
      text(chunk) {
        const at = open.at(-1);
        if (at !== undefined) texts[at] += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return texts.map((t) => decodeEntities(t).trim());
}

/** Attribute `name` of every element matching `selector`. */
export async function attributesOf(html: string, selector: string, name: string): Promise<Array<string | null>> {
  const values: Array<string | null> = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        const value = element.getAttribute(name);
        values.push(value === null ? null : decodeEntities(value));
      },
    })
    .transform(new Response(html))
    .text();
  return values;
}

/** Number of elements matching `selector`. */
export async function count(html: string, selector: string): Promise<number> {
  return (await attributesOf(html, selector, 'id')).length;
}
