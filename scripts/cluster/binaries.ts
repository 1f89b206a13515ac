// The real Temporal server and its schema tool, built from the Go module proxy once and reused
// while they are of the pinned release (`server --version` tells which one was built).
import { existsSync, mkdirSync } from 'node:fs';
import { goToolchain, paths, temporalVersion } from './settings.js';
import { run } from './run.js';

export const serverBinary = `${paths.bin}server`;
export const sqlBinary = `${paths.bin}sql`;

async function builtVersion(): Promise<string | undefined> {
  if (!existsSync(serverBinary) || !existsSync(sqlBinary)) return undefined;
  const out = await run(serverBinary, ['--version']).catch(() => '');
  return out.match(/version (\S+)/)?.[1];
}

/** Builds the binaries unless those of the pinned release are there; returns whether it built. */
export async function ensureBinaries(say: (line: string) => void): Promise<boolean> {
  if ((await builtVersion()) === temporalVersion) return false;
  await run('go', ['version']).catch(() => {
    throw new Error(
      'the Temporal server is built with Go, and `go` is not on PATH: install Go ≥ 1.21 (https://go.dev/dl/), which fetches the toolchain it needs',
    );
  });
  mkdirSync(paths.bin, { recursive: true });
  say(`Building the Temporal server v${temporalVersion} into ${paths.bin} (about 5–8 minutes, once)…`);
  const env = { GOTOOLCHAIN: goToolchain, GOBIN: paths.bin };
  await run('go', ['install', `go.temporal.io/server/cmd/server@v${temporalVersion}`], { env });
  await run('go', ['install', `go.temporal.io/server/cmd/tools/sql@v${temporalVersion}`], { env });
  return true;
}

/** The module source: its schema files and configuration templates. */
export async function moduleSource(): Promise<string> {
  const modCache = (await run('go', ['env', 'GOMODCACHE'], { env: { GOTOOLCHAIN: goToolchain } })).trim();
  const dir = `${modCache}/go.temporal.io/server@v${temporalVersion}/`;
  if (!existsSync(`${dir}schema`)) await run('go', ['mod', 'download', `go.temporal.io/server@v${temporalVersion}`], { env: { GOTOOLCHAIN: goToolchain } });
  return dir;
}
