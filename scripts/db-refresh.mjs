// While no migration has been released, the model changes of a working session fold into
// 0001_init: regenerate both provider schemas, their initial migrations and both clients.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (script, ...args) => execFileSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
run('prisma-schemas.mjs');
for (const provider of ['sqlite', 'postgresql']) rmSync(join(root, 'prisma', provider, 'migrations', '0001_init'), { recursive: true, force: true });
run('new-migration.mjs', 'init');
run('setup.mjs');
