/**
 * Runs the project's own wrangler with the offline settings every script needs.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// wrangler's package exports hide bin/, so resolve the package entry and step over to its bin script.
/** Path of the project's wrangler CLI script. */
export const WRANGLER_BIN = join(dirname(fileURLToPath(import.meta.resolve('wrangler'))), '..', 'bin', 'wrangler.js');

/** Environment for wrangler: no telemetry, no request.cf fetch, nothing that needs the network locally. */
export const OFFLINE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** Output of a finished wrangler command (or other Node script). */
export interface WranglerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `wrangler <args>`; with `inherit`, its output goes straight to the terminal.
 * @example await wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], { inherit: true })
 */
export function wrangler(args: string[], options: { inherit?: boolean } = {}): Promise<WranglerResult> {
  return runNode([WRANGLER_BIN, ...args], options);
}

/**
 * Runs `node <args>` (a project script or a CLI's script) with OFFLINE_ENV; with `inherit`, its output goes straight
 * to the terminal.
 * @example await runNode(['scripts/publish.ts', '--local'], { inherit: true })
 */
export function runNode(args: string[], options: { inherit?: boolean } = {}): Promise<WranglerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: OFFLINE_ENV,
      stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like wrangler(), but throws with wrangler's own output when the command fails. */
export async function wranglerOrThrow(args: string[], options: { inherit?: boolean } = {}): Promise<WranglerResult> {
  const result = await wrangler(args, options);
  if (result.code !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (exit ${result.code})\n${result.stderr || result.stdout}`);
  return result;
}
