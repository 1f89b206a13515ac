// One Temporal dev server for the whole run (several exhaust two cores), with a namespace per
// test file that needs one, and the workflow bundle built once for every worker in the run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { serverExecutable } from '../../src/temporal/executables.js';
import { workflowsPath } from '../../src/temporal/worker.js';
import { devNamespaces } from './namespaces.js';

declare module 'vitest' {
  export interface ProvidedContext {
    devServerAddress: string;
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject) {
  // The console the browser tests open, built as `npm start` builds it (skipped when unchanged).
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-console.mjs', import.meta.url))], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'cp-tests-'));
  const bundle = await bundleWorkflowCode({ workflowsPath });
  const workflowBundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  const dev = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable('dev-server'),
      extraArgs: Object.values(devNamespaces).flatMap((n) => ['--namespace', n]),
    },
  });
  project.provide('devServerAddress', dev.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  return async () => {
    await dev.teardown();
  };
}
