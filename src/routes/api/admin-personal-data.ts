/**
 * Personal-data requests in the admin API, mounted under `/api/admin/personal-data` behind the admin API's
 * bearer token: `POST /export` (JSON, as an attachment a browser saves) and `POST /erase`.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type * as z from 'zod/mini';
import type { AppEnv } from '../../env.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { clearResponseCache } from '../../http/response-cache.ts';
import { erasePersonalData, exportPersonalData } from '../../services/personal-data.ts';
import { personalDataEraseSchema, personalDataExportSchema } from '../../validation/personal-data.ts';
import { parseBody } from '../../validation/validate.ts';
import { PERSONAL_DATA_DISPOSITION, personalDataExportJson } from '../../views/personal-data-json.ts';

const HINT = 'Send {"email": "<address>"} (and for erase, optionally "remove_text": true).';
const readRequest = async <T extends z.ZodMiniType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> =>
  parseBody(schema, await readJsonBody(c), HINT);

const personalData = new Hono<AppEnv>()
  .post('/export', async (c) => {
    const { email } = await readRequest(c, personalDataExportSchema);
    const comments = await exportPersonalData(c.get('db'), email);
    c.header('Content-Disposition', PERSONAL_DATA_DISPOSITION);
    return c.json(personalDataExportJson(email, comments, new Date()));
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
