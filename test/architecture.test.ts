import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** Where an import points, relative to the repository root (bare packages stay as they are). */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : spec;
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    imports(file)
      .map((spec) => target(file, spec))
      .filter(forbidden)
      .map((t) => `${file} → ${t}`),
  );
}

describe('import boundaries', () => {
  it('shared/ imports nothing from server, client, node: or the DOM world', () => {
    expect(violations('shared', (t) => /^(server|client)\//.test(t) || t.startsWith('node:') || t === 'lit')).toEqual([]);
  });

  it('client/ never imports server code or node: modules', () => {
    expect(violations('client', (t) => t.startsWith('server/') || t.startsWith('node:'))).toEqual([]);
  });

  it('the widget imports nothing from the fan app or the console', () => {
    expect(violations('client/widget', (t) => /^client\/(fan|console)\//.test(t))).toEqual([]);
  });

  it('server/ never imports client code', () => {
    expect(violations('server', (t) => t.startsWith('client/'))).toEqual([]);
  });
});
