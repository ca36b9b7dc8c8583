import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { LoadGenerator } from './scenarios/cafe-load.js';
import { pinSelf, startServerProcess, untilQuiet } from './scenarios/cafe-procs.js';
import { seedCafe } from './scenarios/cafe-seed.js';

const [kind, tablesArg, ratesArg, sync] = process.argv.slice(2);
const tables = Number(tablesArg);
const rates = ratesArg!.split(',').map(Number);
const restore = pinSelf(1);
let t = performance.now();
const seeded = kind === 'ours' ? await seedCafe(tables, 6) : null;
console.log('seeded', (performance.now() - t).toFixed(0));
const server = kind === 'ours'
  ? await startServerProcess(join(import.meta.dirname, 'servers/ours.ts'), [seeded!.file, ...(sync ? [sync] : [])], 0)
  : await startServerProcess(join(import.meta.dirname, 'baselines/socketio-relay.ts'), [], 0);
console.log('started', server.info, server.pinned);
const gen = new LoadGenerator(6, 'x');
t = performance.now();
await gen.connect(kind === 'ours' ? { kind: 'ours', url: server.url, tokens: seeded!.tokens, tableIds: seeded!.tableIds } : { kind: 'bare', url: server.url, tables }, tables * 6);
console.log('connected', (performance.now() - t).toFixed(0), 'ms', 'server cpu', server.cpuMs());
console.log('quiet after', (await untilQuiet(server.cpuMs)).toFixed(0));
for (const rate of rates) {
  let c0 = 0;
  const r = await gen.phase(`r${rate}`, rate, 3000, 1000, { onStart: () => (c0 = server.cpuMs()) });
  const c = server.cpuMs() - c0;
  console.log(JSON.stringify({ rate, sent: r.sent, exp: r.expected, del: r.delivered, dps: Math.round(r.deliveriesPerSecond), p50: r.p50.toFixed(2), p99: r.p99.toFixed(2), p999: r.p999.toFixed(2), gen: r.generatorCpu.toFixed(2), late: r.lateSends, srvCpuPct: (c / (r.endedAt - r.startedAt)).toFixed(2), usPerDel: ((c * 1000) / Math.max(1, r.delivered)).toFixed(1), out: r.outcomes, disc: gen.disconnects }));
  console.log('quiet after', (await untilQuiet(server.cpuMs)).toFixed(0));
}
await server.kill();
gen.close();
restore();
if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
process.exit(0);
