// The console's shipped JavaScript, gzip: builds web/ afresh, then sizes what the first page (sign-in
// and the first signed-in page's frame) loads — the scripts index.html names and everything they
// import statically, from Vite's manifest — and every chunk together.
//   tsx bench/consoleSize.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { consoleDir } from '../src/api/console.js';

interface ManifestChunk {
  file: string;
  imports?: string[];
}

execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-console.mjs', import.meta.url)), '--force'], { stdio: 'ignore' });

const manifest = JSON.parse(readFileSync(join(consoleDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
const html = readFileSync(join(consoleDir, 'index.html'), 'utf8');
const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
if (named.length === 0) throw new Error('index.html names no script');

// The entry scripts and, transitively, their static imports; dynamic imports load later, on demand.
const firstPage = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  if (firstPage.has(chunk.file)) return;
  firstPage.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const file of named) visit(keyOfFile.get(file) ?? file);

const sizes = (files: string[]) =>
  files.reduce(
    (sum, file) => {
      const bytes = readFileSync(join(consoleDir, file));
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
    },
    { raw: 0, gzip: 0 },
  );
const allJs = readdirSync(join(consoleDir, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const first = sizes([...firstPage]);
const all = sizes(allJs);
console.log(
  JSON.stringify({
    firstPageChunks: firstPage.size,
    firstPageRawBytes: first.raw,
    firstPageGzipBytes: first.gzip,
    chunks: allJs.length,
    totalRawBytes: all.raw,
    totalGzipBytes: all.gzip,
  }),
);
