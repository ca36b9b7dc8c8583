import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the build records about the widget (`dist/client/widget-manifest.json`): the loader's
 * file, and per view its entry module and every module it imports statically, i.e. everything
 * a browser fetches before the view shows (lazy parts, like the editor, are listed apart).
 */
export interface WidgetManifest {
  loader: string;
  views: Record<string, { entry: string; files: string[]; lazy: string[] }>;
}

export interface WidgetSizes {
  loader: number;
  /** Gzipped bytes of everything each view needs, loader included. */
  views: Record<string, number>;
  /** Gzipped bytes loaded only on demand (e.g. the document editor when someone edits). */
  lazy: Record<string, number>;
}

/** Targets from the widget issue, in gzipped bytes (docs/widget.md). */
export const WIDGET_BUDGETS = { loader: 10 * 1024, ideas: 40 * 1024, cafe: 80 * 1024 } as const;

export function gzippedSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export function widgetSizes(distDir: string): WidgetSizes {
  const manifest = JSON.parse(readFileSync(join(distDir, 'widget-manifest.json'), 'utf8')) as WidgetManifest;
  const size = (files: string[]) => files.reduce((sum, f) => sum + gzippedSize(join(distDir, f)), 0);
  const loader = size([manifest.loader]);
  const views: Record<string, number> = {};
  const lazy: Record<string, number> = {};
  for (const [name, view] of Object.entries(manifest.views)) {
    views[name] = loader + size(view.files);
    lazy[name] = size(view.lazy);
  }
  return { loader, views, lazy };
}

export function formatWidgetSizes(sizes: WidgetSizes): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const budget = (name: string) => (WIDGET_BUDGETS as Record<string, number>)[name];
  const line = (name: string, bytes: number) => {
    const max = budget(name);
    return `  ${name.padEnd(8)} ${kb(bytes).padStart(9)} gzip${max ? ` (target ≤ ${kb(max)}: ${bytes <= max ? 'ok' : 'OVER'})` : ''}`;
  };
  return [
    'widget sizes (loader + what each view loads before it shows):',
    line('loader', sizes.loader),
    ...Object.entries(sizes.views).map(([name, bytes]) => line(name, bytes)),
    ...Object.entries(sizes.lazy)
      .filter(([, bytes]) => bytes > 0)
      .map(([name, bytes]) => `  ${name.padEnd(8)} +${kb(bytes)} gzip on demand`),
  ].join('\n');
}
