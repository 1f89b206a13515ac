// GET /api/openapi.json and the interactive reference at GET /api/docs: public, mounted before
// authentication and outside the route table. Swagger UI's files come from node_modules, never a
// CDN; the page has no inline script, so helmet's Content-Security-Policy (script-src 'self') holds.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import type { OpenApiDocument } from './document.js';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The Swagger UI files the page loads; nothing else of the package is served. */
const assets = ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png', 'favicon-16x16.png'];

const page = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>社区警务责任捆绑考核 API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

const init = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

export function openApiRouter(document: OpenApiDocument): Router {
  const router = Router();
  const json = JSON.stringify(document);
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get(['/api/docs', '/api/docs/'], (_req, res) => {
    res.type('text/html').send(page);
  });
  router.get('/api/docs/init.js', (_req, res) => {
    res.type('text/javascript').send(init);
  });
  for (const file of assets) {
    router.get(`/api/docs/${file}`, (_req, res, next) => {
      res.sendFile(join(swaggerUiDir, file), { maxAge: '1d' }, (err) => err && next(err));
    });
  }
  return router;
}
