import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { canPin, launchServer } from '../scenarios/cafe-procs.js';

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;

/** A benchmark server in a child process that answers requests over Node's IPC channel. */
export interface IpcProcess {
  pid: number;
  port: number;
  url: string;
  /** What the server printed on its first stdout line. */
  info: Record<string, unknown>;
  pinned: boolean;
  /** User + system CPU time of the process so far, in ms. */
  cpuMs(): number;
  /** Sends `{ id, cmd }` and resolves with the `result` of the answer carrying the same id. */
  request<T>(cmd: string, timeoutMs?: number): Promise<T>;
  /** Sends `signal` (SIGKILL by default) and waits for the exit (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

/**
 * Starts `node --expose-gc --import tsx <file> …args` with an IPC channel, waits for its first
 * stdout line (a JSON object with `port`), then pins every thread of it to `core` with
 * `taskset -a -p` when possible. Like cafe-procs' startServerProcess, plus requests; pinning
 * after start-up, not at spawn, because compiling the TypeScript on one contended core made
 * start-up take 6–7 s instead of 2–3 (start-up is never measured).
 */
export async function startIpcProcess(
  file: string,
  args: string[],
  core: number | null,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<IpcProcess> {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', file, ...args];
  const pinned = core !== null && canPin() && TASKSET !== null;
  const [cmd, ...argv] = node;
  const server = await launchServer(file, cmd!, argv, { ...options, ipc: true });
  const { child } = server;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  child.on('message', (message: { id: number; result: unknown }) => {
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    clearTimeout(w.timer);
    w.resolve(message.result);
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(new Error(`${file} exited (${code ?? signal}) with a request pending: ${server.stderr()}`));
    }
    waiting.clear();
  });
  const { pid } = server.description;
  if (pinned) execFileSync(TASKSET!, ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
  let nextId = 0;
  return {
    ...server.description,
    pinned,
    request<T>(command: string, requestTimeoutMs = 60_000) {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${file}: no answer to ${command} within ${requestTimeoutMs} ms`));
        }, requestTimeoutMs);
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        child.send({ id, cmd: command });
      });
    },
    stop: (signal = 'SIGKILL', stopTimeoutMs) => server.stop(signal, stopTimeoutMs),
  };
}
