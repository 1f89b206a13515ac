// One Temporal dev server for the whole run (several exhaust two cores), with a namespace per
// test file that needs one, and the workflow bundle built once for every worker in the run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { serverExecutable } from '../../src/temporal/executables.js';
import { workflowBundle } from '../../src/temporal/workflowBundle.js';
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
  // The bundle `npm start` and `npm run worker` use, built once for every worker in the run.
  const { codePath: workflowBundlePath } = await workflowBundle();

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
