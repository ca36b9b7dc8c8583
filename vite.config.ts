import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Connect, type Plugin, type Rollup } from 'vite';
import { defineConfig } from 'vitest/config';
import { formatWidgetSizes, widgetSizes, type WidgetManifest } from './bench/harness/bundle-sizes.js';

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

const WIDGET_VIEWS = ['ideas', 'wave', 'cafe'] as const;

/**
 * The widget's loader must work as a plain `<script async src=…/embed.js>` on any site: a classic
 * script, one stable name, no imports. After the app build it is bundled on its own as an IIFE,
 * with the hashed names of the view modules it loads on demand; the sizes are printed.
 */
function widgetLoader(): Plugin {
  const outDir = fromRoot('./dist/client');
  return {
    name: 'commonplace-widget-loader',
    apply: 'build',
    async writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: string, follow: (c: Rollup.OutputChunk) => string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const next of follow(byName.get(file)!)) visit(next);
        };
        visit(start);
        return [...seen];
      };
      const manifest: WidgetManifest = { loader: 'embed.js', views: {} };
      for (const view of WIDGET_VIEWS) {
        const entry = chunks.find((c) => c.isEntry && c.name === `widget-${view}`);
        if (!entry) throw new Error(`widget view ${view} was not built`);
        const files = closure(entry.fileName, (c) => c.imports);
        const all = closure(entry.fileName, (c) => [...c.imports, ...c.dynamicImports]);
        manifest.views[view] = { entry: entry.fileName, files, lazy: all.filter((f) => !files.includes(f)) };
      }
      await build({
        configFile: false,
        logLevel: 'warn',
        define: {
          __CP_WIDGET_VIEWS__: JSON.stringify(Object.fromEntries(WIDGET_VIEWS.map((v) => [v, { entry: manifest.views[v]!.entry, files: manifest.views[v]!.files }]))),
        },
        build: {
          outDir,
          emptyOutDir: false,
          minify: true,
          lib: { entry: fromRoot('./client/widget/embed.ts'), formats: ['iife'], name: 'CommonplaceEmbedLoader', fileName: () => 'embed.js' },
        },
      });
      writeFileSync(`${outDir}/widget-manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      this.info(`\n${formatWidgetSizes(widgetSizes(outDir))}`);
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [consolePages(), widgetLoader()],
  build: {
    outDir: fromRoot('./dist/client'),
    emptyOutDir: true,
    rolldownOptions: {
      // The widget's view entries are loaded by embed.js and must keep their `mount` export.
      preserveEntrySignatures: 'exports-only',
      input: {
        fan: fromRoot('./client/index.html'),
        console: fromRoot('./client/console/index.html'),
        ...Object.fromEntries(WIDGET_VIEWS.map((view) => [`widget-${view}`, fromRoot(`./client/widget/views/${view}.ts`)])),
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        // A language's tables (client/i18n/<tag>/<part>.json) are chunks of their own, named for what they hold.
        chunkFileNames: (chunk) => {
          const table = /i18n[\\/]([\w-]+)[\\/](\w+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return table ? `assets/i18n-${table[1]}-${table[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
        // Libraries change less often than our code: long-cached chunks for them. The document stack
        // (Yjs) and the editor (ProseMirror) get their own, with priorities over `vendor`, so the
        // console and the widget's ideas list never load them.
        codeSplitting: {
          groups: [
            // Shared documents without the editor: the widget reads an idea live and loads the editor only to edit.
            { name: 'collab', test: /node_modules[\\/](y-websocket|y-protocols|yjs|lib0)[\\/]/, priority: 30 },
            { name: 'editor', test: /node_modules[\\/](prosemirror-[a-z-]+|y-prosemirror|orderedmap|rope-sequence|w3c-keyname)[\\/]/, priority: 20 },
            // zod comes with shared/schemas constants the fan app reads; keep it out of the widget's path.
            { name: 'schemas', test: /node_modules[\\/]zod[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
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
