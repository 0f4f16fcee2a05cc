/**
 * Personal-data requests in the admin API, mounted under `/api/admin/personal-data` behind the admin API's
 * bearer token: `POST /export` (JSON, as an attachment a browser saves) and `POST /erase`.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import * as z from 'zod/mini';
import type { ResponseOf } from '../../contracts/responses.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { readJsonBody } from '../../http/json-body.ts';
import { clearResponseCache } from '../../http/response-cache.ts';
import { erasePersonalData, exportPersonalData } from '../../services/personal-data.ts';
import { fieldErrors } from '../../validation/fields.ts';
import { personalDataEraseSchema, personalDataExportSchema } from '../../validation/personal-data.ts';
import { adminCommentJson } from '../../views/comment-json.ts';

async function readRequest<T extends z.ZodMiniType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const parsed = z.safeParse(schema, await readJsonBody(c));
  if (!parsed.success)
    throw new ProblemError(422, 'Send {"email": "<address>"} (and for erase, optionally "remove_text": true).', {
      errors: fieldErrors(parsed.error.issues),
    });
  return parsed.data;
}

const personalData = new Hono<AppEnv>()
  .post('/export', async (c) => {
    const { email } = await readRequest(c, personalDataExportSchema);
    const comments = await exportPersonalData(c.get('db'), email);
    c.header('Content-Disposition', 'attachment; filename="minbar-personal-data.json"');
    return c.json({
      email,
      exported_at: new Date().toISOString(),
      comments: comments.map((comment) => ({ ...adminCommentJson(comment), moderation_log: comment.log })),
    } satisfies ResponseOf<'PersonalDataExport'>);
  })
  .post('/erase', async (c) => {
    const { email, remove_text } = await readRequest(c, personalDataEraseSchema);
    const at = new Date().toISOString();
    const report = await erasePersonalData(c.get('db'), email, {
      removeText: remove_text === true,
      actor: 'privacy-request',
      at,
    });
    // The erased name may show under any article: forget every remembered response, not just one article's.
    clearResponseCache();
    return c.json(report);
  });

export default personalData;
