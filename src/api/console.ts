// The web console at /: the files `npm start` built into dist/console, and its index.html for
// every other page address outside /api, so that a reload on /ranking opens the ranking.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

export const consoleDir = new URL('../../dist/console', import.meta.url).pathname;

const notBuilt = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>控制台尚未构建</title></head>
<body><h1>控制台尚未构建 (the console is not built)</h1>
<p>运行 <code>npm run console:build</code> 或 <code>npm start</code>,然后刷新本页。</p>
<p>Run <code>npm run console:build</code> or <code>npm start</code>, then reload this page.</p></body></html>
`;

export function consoleRouter(dir = consoleDir): Router {
  const router = Router();
  // File names under assets/ carry their content hash: cache them for good, never index.html.
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  // Page addresses have no file extension; a missing file stays the JSON 404 after this router.
  router.get(/^\/(?!api(\/|$)|assets\/)[^.]*$/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    const index = join(dir, 'index.html');
    res.set('Cache-Control', 'no-cache');
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type('html').send(notBuilt);
  });
  return router;
}
