import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built client: `/console…` → the staff console, `/embed.js` and assets to any
 * origin (brand pages load the widget), everything else that is a page → the fan app.
 */
export function clientPages(distDir: string): Router {
  const root = resolve(distDir);
  const router = Router();
  if (!existsSync(join(root, 'index.html'))) {
    router.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.');
    });
    return router;
  }
  router.use(
    express.static(root, {
      index: false,
      redirect: false,
      setHeaders(res, path) {
        if (path.endsWith('.js') || path.endsWith('.css')) {
          res.setHeader('Access-Control-Allow-Origin', '*');
          res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        }
        if (path.includes(`${join(root, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get(/^\/console(\/.*)?$/, (_req, res) => {
    // Staff screens are never framed by another site.
    res.setHeader('Content-Security-Policy', consoleCsp);
    res.setHeader('X-Frame-Options', 'DENY');
    res.sendFile(join(root, 'console', 'index.html'));
  });
  router.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => {
    res.sendFile(join(root, 'index.html'));
  });
  return router;
}

const consoleCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
