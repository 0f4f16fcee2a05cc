/**
 * Reading a JSON request body strictly: only application/json (415), bounded in bytes (413), valid UTF-8 and
 * valid JSON (400). Requiring application/json also keeps browsers from posting to the API cross-site without a
 * CORS preflight, which is the API's CSRF protection.
 */
import type { Context } from 'hono';
import { ProblemError } from '../errors.tsx';

/** Largest request body any JSON endpoint accepts: a comment at its 65,525-character limit, in 4-byte UTF-8, and its fields. */
const MAX_JSON_BYTES = 300 * 1024;

async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  const tooLarge = () => new ProblemError(413, `The request body is larger than ${maxBytes} bytes.`);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The request's JSON body, or a ProblemError (415, 413, 400) that says exactly what is wrong with it. */
export async function readJsonBody(c: Context, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ProblemError(415, `Send the body as application/json (got ${type ? `"${type}"` : 'no Content-Type'}).`);
  const bytes = await readBounded(c.req.raw, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ProblemError(400, 'The request body is not valid UTF-8.', { type: 'malformed-body' });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, `The request body is not valid JSON: ${(error as Error).message}`, { type: 'malformed-body' });
  }
}
