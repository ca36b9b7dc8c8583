import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Processes for the cafe benchmark: servers started in a child process pinned to one core
 * (`taskset -c`), their CPU time read from /proc, and the benchmark process itself pinned to
 * another core while it generates load. Without taskset everything still runs, unpinned.
 */

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;

export const canPin = (): boolean => TASKSET !== null && process.platform === 'linux';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of a process (all its threads), in ms; NaN when /proc cannot tell. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of proc(5), utime and stime; fields[0] is field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return Number.NaN;
  }
}

export interface ServerProcess {
  pid: number;
  port: number;
  url: string;
  /** What the server printed on its first line. */
  info: Record<string, unknown>;
  pinned: boolean;
  cpuMs(): number;
  /** SIGKILL (a benchmark server's backlog is not worth draining) and wait for the exit. */
  kill(): Promise<void>;
  /** Sends `signal` and waits up to `timeoutMs` for the exit, then SIGKILLs. */
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

/**
 * Starts `node --import tsx <file> …args` (pinned to `core` when possible) and waits for its
 * first stdout line, a JSON object with `port`.
 */
export async function startServerProcess(
  file: string,
  args: string[],
  core: number | null,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const node = [process.execPath, '--import', 'tsx', file, ...args];
  const pinned = core !== null && canPin();
  const [cmd, ...argv] = pinned ? [TASKSET!, '-c', String(core), ...node] : node;
  const server = await launchServer(file, cmd!, argv, { ...options, ipc: false });
  return {
    ...server.description,
    pinned,
    kill: () => server.stop('SIGKILL'),
    stop: (signal, stopTimeoutMs) => server.stop(signal, stopTimeoutMs),
  };
}

/** A benchmark server process as it started: what it printed and how to stop it. */
export interface LaunchedServer {
  child: ChildProcess;
  description: { pid: number; port: number; url: string; info: Record<string, unknown>; cpuMs(): number };
  /** The last 4,000 characters it wrote to stderr, for error messages. */
  stderr(): string;
  /** Sends `signal` (unless it has exited) and waits for the exit, SIGKILLing after `timeoutMs`. */
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

/**
 * Spawns a benchmark server (`cmd argv`, silent logs) and waits for its first stdout line, a JSON
 * object with the `port` it listens on.
 */
export async function launchServer(
  file: string,
  cmd: string,
  argv: string[],
  options: { env?: Record<string, string>; timeoutMs?: number; ipc: boolean },
): Promise<LaunchedServer> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child: ChildProcess = spawn(cmd, argv, {
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as Record<string, unknown>);
      } catch {
        reject(new Error(`${file} printed ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} before listening: ${stderr}`));
    });
  });
  const port = Number(info.port);
  const pid = child.pid!;
  return {
    child,
    description: { pid, port, url: `http://127.0.0.1:${port}`, info, cpuMs: () => processCpuMs(pid) },
    stderr: () => stderr,
    async stop(signal, stopTimeoutMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Pins every thread of this process to `core`; returns a function that puts the previous
 * affinity back. A no-op (returning a no-op) without taskset.
 */
export function pinSelf(core: number): () => void {
  if (!canPin()) return () => {};
  const pid = String(process.pid);
  const before = /:\s*([0-9a-f]+)\s*$/i.exec(execFileSync(TASKSET!, ['-p', pid], { encoding: 'utf8' }).trim())?.[1];
  execFileSync(TASKSET!, ['-a', '-p', '-c', String(core), pid], { stdio: 'ignore' });
  return () => {
    if (before) execFileSync(TASKSET!, ['-a', '-p', before, pid], { stdio: 'ignore' });
  };
}

/** The soft limit on open files of this process (`ulimit -n`), when /proc says. */
export function openFilesLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** Resolves once the process has used less than `share` of a core for `quietMs`, or after `maxMs`. */
export async function untilQuiet(cpuMs: () => number, { share = 0.1, quietMs = 300, maxMs = 30_000 } = {}): Promise<number> {
  const start = performance.now();
  let last = cpuMs();
  let lastAt = performance.now();
  while (performance.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = cpuMs();
    const at = performance.now();
    if (!Number.isFinite(now) || (now - last) / (at - lastAt) < share) break;
    last = now;
    lastAt = at;
  }
  return performance.now() - start;
}
