// Namespaces on the cluster, created with the project's Temporal CLI unless they exist.
import { run, sleep } from './run.js';
import { paths, temporalAddress, type ClusterSettings } from './settings.js';

export async function ensureNamespaces(s: ClusterSettings, namespaces: string[]): Promise<string[]> {
  const address = ['--address', temporalAddress(s)];
  const created: string[] = [];
  for (const namespace of namespaces) {
    const exists = await run(paths.cli, ['operator', 'namespace', 'describe', '--namespace', namespace, ...address]).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    // Right after start the history service may still be joining: a few tries.
    for (let attempt = 1; ; attempt++) {
      try {
        await run(paths.cli, ['operator', 'namespace', 'create', '--namespace', namespace, '--retention', '72h', ...address]);
        break;
      } catch (err) {
        if (/already/i.test((err as Error).message)) break;
        if (attempt >= 20) throw err;
        await sleep(1000);
      }
    }
    created.push(namespace);
  }
  // A new namespace is served once the frontend's namespace cache has refreshed (every 2 s).
  for (const namespace of created) await untilServed(s, namespace);
  return created;
}

async function untilServed(s: ClusterSettings, namespace: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(paths.cli, ['workflow', 'count', '--namespace', namespace, '--address', temporalAddress(s)]);
      return;
    } catch (err) {
      if (attempt >= 30) throw err;
      await sleep(500);
    }
  }
}
