// Where the end-to-end run leaves what a person should look at (git-ignored).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Screenshots and reports of the last run. */
export const ARTIFACTS_DIR = join('test-results', 'e2e');

/** Path of an artifact, creating the folder on first use. */
export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
