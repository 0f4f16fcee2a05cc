// A small checker of JSON-LD against the schema.org vocabulary the site uses (test/fixtures/schema-org), offline:
// every node's @type is known, every property is declared on the type or a parent, every value fits a range.
import vocabulary from '../../fixtures/schema-org/vocabulary.json';

const TYPES = vocabulary.types as Record<string, { parent: string | null; properties: Record<string, string[]> }>;

const DATA_TYPES: Record<string, (value: unknown) => boolean> = {
  Text: (v) => typeof v === 'string',
  URL: (v) => typeof v === 'string' && /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v),
  Integer: (v) => Number.isInteger(v),
  Number: (v) => typeof v === 'number' && Number.isFinite(v),
  Boolean: (v) => typeof v === 'boolean',
  Date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  DateTime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v),
};

const ancestry = (type: string): string[] => {
  const chain: string[] = [];
  for (let t: string | null = type; t; t = TYPES[t]?.parent ?? null) chain.push(t);
  return chain;
};

const rangeOf = (type: string, property: string): string[] | undefined =>
  ancestry(type)
    .map((t) => TYPES[t]?.properties[property])
    .find((range) => range !== undefined);

/** Problems of a JSON-LD node (and the nodes inside it) as `path: message`; empty when it fits the vocabulary. */
export function checkSchemaOrg(node: unknown, path = '$', expected?: string[]): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${path}: is not a node`];
  const { '@context': _context, '@type': type, '@id': _id, ...properties } = node as Record<string, unknown>;
  if (typeof type !== 'string' || !TYPES[type]) return [`${path}: unknown @type ${JSON.stringify(type)}`];
  const problems: string[] = [];
  if (expected && !ancestry(type).some((t) => expected.includes(t)))
    problems.push(`${path}: ${type} is not one of ${expected.join(', ')}`);
  for (const [name, value] of Object.entries(properties)) {
    const range = rangeOf(type, name);
    if (!range) {
      problems.push(`${path}.${name}: not a property of ${type}`);
      continue;
    }
    (Array.isArray(value) ? value : [value]).forEach((item, i) => {
      const at = Array.isArray(value) ? `${path}.${name}[${i}]` : `${path}.${name}`;
      if (typeof item === 'object' && item !== null) {
        const nodeTypes = range.filter((r) => TYPES[r] || !DATA_TYPES[r]);
        if (nodeTypes.length === 0) problems.push(`${at}: a node where ${range.join(' or ')} is expected`);
        else problems.push(...checkSchemaOrg(item, at, nodeTypes));
      } else if (!range.some((r) => DATA_TYPES[r]?.(item)))
        problems.push(`${at}: ${JSON.stringify(item)} is not ${range.join(' or ')}`);
    });
  }
  return problems;
}
