// Builds the web console (web/ → dist/console) with Vite, unless the last build came from the same
// sources: `npm start` runs this first, so a fresh clone serves the console and a restart is quick.
// `--force` builds regardless.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'web');
const out = join(root, 'dist', 'console');
const stampFile = join(out, '.sources');

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

// The console also bundles the server's shared words and types (web imports src/contracts and
// src/core), so a change there must rebuild it too.
const shared = ['src/contracts', 'src/core'].map((dir) => join(root, dir));

/** One hash of every console source, the server files it bundles and the locked dependencies. */
function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of [...files(web), ...shared.flatMap(files), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const stamp = sourcesHash();
const force = process.argv.includes('--force');
if (!force && existsSync(join(out, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const started = Date.now();
process.stdout.write('Console       building web/ into dist/console …\n');
// Always the production build (React and Ant Design without their development checks), even when
// run from a test runner that set NODE_ENV=test.
process.env.NODE_ENV = 'production';
const { build } = await import('vite');
await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stampFile, stamp);
process.stdout.write(`Console       built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
