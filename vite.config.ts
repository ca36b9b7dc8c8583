import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The server `npm run dev:client` proxies to. The proxy keeps the browser's Host header
 * (no changeOrigin), so the server sees its own origin and accepts the requests.
 */
const apiServer = process.env.COMMONPLACE_SERVER ?? 'http://127.0.0.1:3000';

/** `/console` and its deep links get the console page in `vite` and `vite preview`, as the server does. */
function consolePages(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const [path, query] = (req.url ?? '/').split('?');
    if (/^\/console(\/[^.]*)?$/.test(path)) req.url = `/console/index.html${query ? `?${query}` : ''}`;
    next();
  };
  return {
    name: 'commonplace-console-pages',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

export default defineConfig({
  root: 'client',
  plugins: [consolePages()],
  build: {
    outDir: fromRoot('./dist/client'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        fan: fromRoot('./client/index.html'),
        console: fromRoot('./client/console/index.html'),
        embed: fromRoot('./client/widget/embed.ts'),
      },
      output: {
        // Brands paste <script src=".../embed.js">, so that one name must not change between builds.
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
        // Libraries change less often than our code: long-cached chunks for them. The editor stack
        // (ProseMirror, Yjs) gets its own, listed first so it wins, so the console and the widget never load it.
        codeSplitting: {
          groups: [
            { name: 'editor', test: /node_modules[\\/](prosemirror-[a-z-]+|y-prosemirror|y-websocket|y-protocols|yjs|lib0|orderedmap|rope-sequence|w3c-keyname)[\\/]/ },
            // zod comes with shared/schemas constants the fan app reads; keep it out of the widget's path.
            { name: 'schemas', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // Object form throughout: Vite's string shorthand turns changeOrigin on.
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/socket.io': { target: apiServer, changeOrigin: false, ws: true },
      '/yjs': { target: apiServer, changeOrigin: false, ws: true },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
  test: {
    // Vite's root is client/; tests live across the whole repository.
    root: repoRoot,
    include: ['test/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts', 'client/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 30000,
    fileParallelism: false,
  },
});
