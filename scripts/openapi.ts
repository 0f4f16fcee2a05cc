/** `npm run openapi`: regenerates schemas/openapi.json from the validation and response schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from './lib/openapi.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
writeFileSync('schemas/openapi.json', `${JSON.stringify(buildOpenApi(version), null, 2)}\n`);
console.log('wrote schemas/openapi.json');
