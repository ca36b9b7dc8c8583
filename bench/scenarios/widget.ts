import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchBrowser } from '../../test/helpers/browser.js';
import { insertWave, makeSpace, signUp } from '../../test/helpers/fixtures.js';
import { startTestServer } from '../../test/helpers/server.js';
import { WIDGET_BUDGETS, widgetSizes } from '../harness/bundle-sizes.js';
import { metric } from '../harness/metric.js';
import { alternate } from '../harness/rounds.js';
import type { Scenario, ScenarioResult } from '../harness/types.js';

const SCENARIO = 'widget';
const DIST = join(process.cwd(), 'dist', 'client');
/** What the client build is made from. */
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

/** True when there is no build, or a source changed after it was made. */
function buildIsStale(): boolean {
  const manifest = join(DIST, 'widget-manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  const newest = (path: string): number => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
  };
  return SOURCES.some((source) => existsSync(source) && newest(source) > built);
}
const IDEAS = 10;

/**
 * Two pages on a brand origin: one with the widget's script tag (timed from inserting the tag to
 * `commonplace-ready`, i.e. the ideas list rendered), and the bare floor for the same job: a
 * page that fetches the same ideas from the same server and writes them into a list.
 */
function brandPages(commonplace: string): { widget: string; bare: string } {
  const widget = `<!doctype html><meta charset="utf-8"><title>widget</title>
<commonplace-embed space="bench" view="ideas"></commonplace-embed>
<script>
  const t0 = performance.now();
  document.querySelector('commonplace-embed').addEventListener('commonplace-ready', () => { window.__done = performance.now() - t0; });
  const s = document.createElement('script'); s.async = true; s.src = ${JSON.stringify(`${commonplace}/embed.js`)}; document.head.append(s);
</script>`;
  const bare = `<!doctype html><meta charset="utf-8"><title>bare</title><ol id="list"></ol>
<script>
  const t0 = performance.now();
  fetch(${JSON.stringify(`${commonplace}/api/v1/spaces/bench/waves?sort=hot&limit=${IDEAS}`)})
    .then((r) => r.json())
    .then((page) => {
      for (const w of page.items) { const li = document.createElement('li'); li.textContent = w.title + ' ▲ ' + w.supporters; list.append(li); }
      window.__done = performance.now() - t0;
    });
</script>`;
  return { widget, bare };
}

async function startBrand(commonplace: string): Promise<{ url: string; server: Server }> {
  const pages = brandPages(commonplace);
  const server = createServer((req, res) => {
    const page = req.url === '/widget' ? pages.widget : req.url === '/bare' ? pages.bare : null;
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function runWidget(options: { rounds: number; log?: (line: string) => void }): Promise<ScenarioResult> {
  if (buildIsStale()) {
    options.log?.('building the client (vite build)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    options.log?.('the client build is newer than every source it is made from: measuring it as it is');
  }
  const sizes = widgetSizes(DIST);

  const server = await startTestServer();
  let brand: { url: string; server: Server } | null = null;
  const browser = await launchBrowser();
  try {
    brand = await startBrand(server.url);
    const space = await makeSpace(server, 'bench', { widgetOrigins: [brand.url] });
    const author = await signUp(server, 'Bench Author');
    for (let i = 0; i < IDEAS; i++) await insertWave(server, space, author, `Idea number ${i + 1} for the bench`);

    const load = (path: string) => async () => {
      // A fresh context each time: a cold cache, as for a first visit to the brand's page.
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${brand!.url}${path}`);
        await page.waitForFunction(() => typeof (window as { __done?: number }).__done === 'number', null, { timeout: 15_000 });
        return (await page.evaluate(() => (window as { __done?: number }).__done)) as number;
      } finally {
        await context.close();
      }
    };
    const samples = await alternate(
      [
        { name: 'widget', run: load('/widget') },
        { name: 'bare', run: load('/bare') },
      ],
      { rounds: options.rounds, warmup: 1, onRound: (round, got) => options.log?.(`round ${round + 1}: widget ${got.widget!.toFixed(1)} ms, bare ${got.bare!.toFixed(1)} ms`) },
    );

    const budget = (name: string, bytes: number, max: number) =>
      metric({
        scenario: SCENARIO,
        metric: `${name} gzipped`,
        unit: 'bytes',
        ours: [bytes],
        baseline: { name: 'budget', samples: [max] },
        target: { max: 1 },
      });
    const metrics = [
      budget('loader', sizes.loader, WIDGET_BUDGETS.loader),
      budget('ideas view (all it loads)', sizes.views.ideas!, WIDGET_BUDGETS.ideas),
      budget('cafe view (all it loads)', sizes.views.cafe!, WIDGET_BUDGETS.cafe),
      metric({ scenario: SCENARIO, metric: 'wave view (all it loads)', unit: 'bytes', ours: [sizes.views.wave!] }),
      metric({
        scenario: SCENARIO,
        metric: 'script tag to ideas list shown',
        unit: 'ms',
        ours: samples.widget!,
        baseline: { name: 'fetch + plain list', samples: samples.bare! },
      }),
    ];
    return {
      scenario: SCENARIO,
      params: { rounds: options.rounds, ideas: IDEAS },
      metrics,
      notes: [
        `gzipped bytes a browser fetches before each view shows (loader included); the editor (+${(sizes.lazy.wave! / 1024).toFixed(1)} KB) loads only when someone edits`,
        'script tag to ideas list: a fresh browser context each round (cold cache), localhost',
      ],
      checks: {
        'loader within budget': sizes.loader <= WIDGET_BUDGETS.loader,
        'ideas view within budget': sizes.views.ideas! <= WIDGET_BUDGETS.ideas,
        'cafe view within budget': sizes.views.cafe! <= WIDGET_BUDGETS.cafe,
      },
      raw: samples,
    };
  } finally {
    await browser.close();
    brand?.server.close();
    brand?.server.closeAllConnections();
    await server.dispose();
  }
}

export const widget: Scenario = {
  name: SCENARIO,
  description: 'the embeddable widget: gzipped size of the loader and each view against the budgets, and script tag to ideas list vs a bare fetch-and-render page',
  run: ({ quick, rounds, log }) => runWidget({ rounds: rounds ?? (quick ? 2 : 7), log }),
};
