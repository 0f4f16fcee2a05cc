/**
 * Structured data for search engines. A <script> data block is raw text, so JSX escaping would corrupt it;
 * instead every `<` is escaped as \u003c, which keeps the JSON valid and makes `</script>` impossible.
 */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
