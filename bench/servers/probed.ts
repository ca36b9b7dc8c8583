/**
 * Runs a benchmark server entry with a heap probe beside it, for scenarios that measure the
 * server process's memory (`idle`: heap per connection):
 *
 *   BENCH_PROBE_SOCKET=/tmp/x.sock node --import tsx bench/servers/probed.ts <entry.ts> [args…]
 *
 * The probe listens on that Unix socket (not on the server's port, so it touches none of the
 * server's own HTTP paths); `GET /heap` forces a full garbage collection in this process and
 * answers `process.memoryUsage()` after it. Then the entry (bench/servers/ours.ts,
 * bench/baselines/socketio-relay.ts, bench/baselines/ws-relay.ts…) is loaded as if it had been
 * started directly: same argv, same stdout line with its port.
 */
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fullGc } from '../harness/heap.js';

const [entry, ...args] = process.argv.slice(2);
const socketPath = process.env.BENCH_PROBE_SOCKET;
if (!entry || !socketPath) {
  console.error('usage: BENCH_PROBE_SOCKET=<path> bench/servers/probed.ts <server entry> [args…]');
  process.exit(2);
}

const probe = createServer((req, res) => {
  if (req.url !== '/heap') return void res.writeHead(404).end();
  fullGc();
  const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers, rss }));
});
rmSync(socketPath, { force: true });
await new Promise<void>((done) => probe.listen(socketPath, done));
probe.unref();

const file = resolve(entry);
process.argv = [process.argv[0]!, file, ...args];
await import(pathToFileURL(file).href);
