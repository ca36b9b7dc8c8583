import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** The parts of a V8 .cpuprofile the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Window {
  label: string;
  /** Microseconds on the profiler's clock (the monotonic clock process.hrtime reads). */
  from: number;
  to: number;
}

let active: { windows: Window[]; label: string } | null = null;
// performance.now() and process.hrtime share one monotonic clock; this maps the first onto the second (µs).
const hrOffsetUs = () => Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

/** Which variant is running now; windows noted from here on carry its name. */
export function setProfileLabel(label: string): void {
  if (active) active.label = label;
}

/** Marks [startMs, endMs] (performance.now()) as measured time, so the summary looks only there. */
export function noteMeasured(startMs: number, endMs: number): void {
  if (!active) return;
  const offset = hrOffsetUs();
  active.windows.push({ label: active.label, from: startMs * 1000 + offset, to: endMs * 1000 + offset });
}

/**
 * Samples the CPU while `work` runs (node:inspector, 100 µs), writes the whole profile to `file`
 * (open it in Chrome DevTools → Performance), and returns, per variant, where the measured time
 * went: setup and teardown between the measured windows are left out of the summary.
 */
export async function profiled<T>(file: string, work: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  active = { windows: [], label: '' };
  let result: T;
  let summary = '';
  try {
    result = await work();
  } finally {
    const windows = active.windows;
    active = null;
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    summary = summarizeProfile(profile, windows);
  }
  return { result, summary };
}

/** Where a function lives: a package, our code, Node itself, or V8's own buckets. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const ours = /\/(server|bench|test|shared)\//.exec(url);
  return ours ? `${ours[1]}/` : url;
}

export function summarizeProfile(profile: CpuProfile, windows: readonly Window[], top = 12): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const labels = [...new Set(windows.map((w) => w.label))];
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  const perLabel = new Map(labels.map((l) => [l, { total: 0, fns: new Map<string, number>(), areas: new Map<string, number>() }]));
  let t = profile.startTime;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    while (w < sorted.length && sorted[w]!.to < t) w++;
    const win = sorted[w];
    if (!win || t < win.from) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules\/)?/, '')}:${lineNumber + 1}` : ''}`.trim();
    const bucket = perLabel.get(win.label)!;
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? dt);
    bucket.total += us;
    bucket.fns.set(name, (bucket.fns.get(name) ?? 0) + us);
    const a = area(url, functionName);
    bucket.areas.set(a, (bucket.areas.get(a) ?? 0) + us);
  }
  const lines: string[] = [];
  for (const label of labels) {
    const b = perLabel.get(label)!;
    const n = windows.filter((x) => x.label === label).length;
    const pct = (us: number) => `${((100 * us) / Math.max(1, b.total)).toFixed(1).padStart(5)}%`;
    lines.push(`${label}: ${(b.total / 1000 / Math.max(1, n)).toFixed(1)} ms sampled per measured run (${n} runs)`);
    const areas = [...b.areas].sort((x, y) => y[1] - x[1]).slice(0, 8);
    lines.push(`  by area: ${areas.map(([k, v]) => `${k} ${pct(v).trim()}`).join(', ')}`);
    for (const [fn, us] of [...b.fns].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${fn}`);
  }
  return lines.join('\n');
}

/** Microseconds on the monotonic clock V8's profiler uses. */
export const hrUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * The summary of server processes profiled in their own process (bench/servers/cpu-profile.ts),
 * each limited to its measured windows, and the note that says where the whole profiles are.
 */
export function summarizeServerProfiles(profiles: readonly { file: string; windows: readonly Window[] }[]): { profile: string; note: string } | null {
  if (profiles.length === 0) return null;
  return {
    profile: profiles.map(({ file, windows }) => summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, windows, 20)).join('\n'),
    note: `profiles of the first round's server processes: ${profiles.map((p) => p.file).join(', ')} (the profiler slows them down)`,
  };
}
