// Workers run a pre-built workflow bundle: building one takes seconds and a lot of memory, and
// several worker processes starting together should not each pay for it. The bundle is built
// once per version of the sources, named by their hash, and reused by every process after.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const workflowsPath = join(root, 'src', 'workflows', 'index.ts');
const bundleDir = join(root, 'dist', 'workflows');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (path === join(root, 'src', 'generated')) return [];
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** One hash of the server's sources (a workflow may import any of them) and the locked dependencies. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of [...files(join(root, 'src')), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle of the current sources, built when there is none yet. */
export async function workflowBundle(): Promise<{ codePath: string }> {
  const codePath = join(bundleDir, `workflows-${sourcesHash()}.js`);
  if (!existsSync(codePath)) {
    const { code } = await bundleWorkflowCode({ workflowsPath });
    mkdirSync(bundleDir, { recursive: true });
    // Written whole, then renamed: a process starting meanwhile never reads half a bundle.
    const partial = `${codePath}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, codePath);
  }
  return { codePath };
}
