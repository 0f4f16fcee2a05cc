/** The Lua scripts wrk runs: a plain GET, a conditional GET, comment posts, and a slow trickle of them. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articlePath } from '../../src/urls.ts';
import { TRICKLE_INTERVAL_MS } from './settings.ts';

/** Paths of the scripts written into `dir`. */
export interface LuaScripts {
  plain: string;
  conditional: string;
  post: string;
  trickle: string;
}

/** Writes the scripts for the article `slug` (whose current ETag is `etag`) into `dir`. */
export async function luaScripts(dir: string, etag: string, slug: string): Promise<LuaScripts> {
  const plain = join(dir, 'get.lua');
  await writeFile(plain, '-- plain GET\n');
  const conditional = join(dir, 'conditional.lua');
  await writeFile(conditional, `wrk.headers["If-None-Match"] = ${JSON.stringify(etag)}\n`);
  const post = join(dir, 'post.lua');
  await writeFile(
    post,
    `-- Every request is a distinct comment from a distinct client address and email, so neither flood control nor the
-- per-client rate limit applies (each wrk run starts from a random offset: warm-up and timed run never collide).
math.randomseed(os.time() + os.clock() * 1000000)
local n = math.random(0, 8000000)
local path = ${JSON.stringify(`/api${articlePath(slug)}/comments`)}
request = function()
  n = n + 1
  local id = math.random(1, 2000000000) .. "-" .. n
  local ip = "10." .. (math.floor(n / 65536) % 256) .. "." .. (math.floor(n / 256) % 256) .. "." .. (n % 256)
  local body = '{"name":"قارئ ' .. n .. '","email":"b' .. id .. '@example.com","body":"تعليق اختبار الأداء رقم ' .. id .. '"}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["CF-Connecting-IP"] = ip }, body)
end
`,
  );
  // The same posts, one connection, one every TRICKLE_INTERVAL_MS: new emails, so moderation holds every one.
  const trickle = join(dir, 'trickle.lua');
  await writeFile(trickle, `${await readFile(post, 'utf8')}\ndelay = function()\n  return ${TRICKLE_INTERVAL_MS}\nend\n`);
  return { plain, conditional, post, trickle };
}
