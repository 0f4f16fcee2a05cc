/** `npm run openapi`: regenerates schemas/openapi.json, schemas/*.schema.json and README's table of operations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedSchemaFiles, withOperationsTable } from './lib/openapi.ts';

const files = generatedSchemaFiles();
for (const [path, document] of Object.entries(files)) {
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
writeFileSync('README.md', withOperationsTable(readFileSync('README.md', 'utf8'), files['schemas/openapi.json'] ?? {}));
console.log('wrote the table of operations in README.md');
