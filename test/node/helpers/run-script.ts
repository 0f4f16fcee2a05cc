// Runs one of the project's Node scripts the way a person would, offline, and collects what it printed.
import { spawn } from 'node:child_process';
import { OFFLINE_ENV } from '../../../scripts/lib/wrangler.ts';

/** Exit code and everything the script wrote to stdout and stderr, interleaved. */
export interface ScriptResult {
  code: number;
  out: string;
}

/**
 * Runs `node <script> <args>` with wrangler's offline settings plus `env`.
 * @example await runScript('scripts/publish.ts', ['--local', '--dry-run'])
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...OFFLINE_ENV, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}
