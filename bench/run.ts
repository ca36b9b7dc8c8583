/**
 * npm run bench                      every scenario
 * npm run bench -- doc-load          one (or several) by name
 * npm run bench -- --quick           fewer rounds (3 pairs), under two minutes in all
 * npm run bench -- --rounds 15       more rounds than the default
 * npm run bench -- --ops 20000      trace scenarios: only the first 20,000 operations
 * npm run bench -- --profile         also CPU-profile the measured rounds (bench/results/<scenario>.cpuprofile)
 *
 * Prints one table (medians with min–max, baseline medians measured in the same run, ratios
 * against targets) and writes every sample to bench/results/latest.json.
 */
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { currentLoad, RESULTS_FILE, runRecord, writeResults } from './harness/results.js';
import { formatTable } from './harness/table.js';
import type { ScenarioResult } from './harness/types.js';
import { SCENARIOS } from './scenarios/index.js';

const args = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args,
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
    ops: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: npm run bench -- [--quick] [--rounds N] [--ops N] [--profile] [scenario…]\n\nscenarios:`);
  for (const s of SCENARIOS) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
  process.exit(0);
}

const unknown = positionals.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown scenario: ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  console.error(`--${flag} takes a whole number of at least 1`);
  process.exit(2);
}
const rounds = count('rounds', values.rounds);
const ops = count('ops', values.ops);
const chosen = positionals.length > 0 ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;

const header = runRecord(args, values.quick, currentLoad());
const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
console.error(
  `bench: ${chosen.map((s) => s.name).join(', ')}${values.quick ? ' (quick)' : ''} on ${header.machine.cpus} × ${header.machine.cpuModel}, ` +
    `node ${header.machine.node}, load ${header.machine.loadavgAtStart.join(' ')}${hasGc ? '' : ' (no --expose-gc: enabling gc at run time)'}`,
);

if (values.profile) {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  console.error('--profile: the profiler slows every variant down; read the ratios from a run without it');
}
const results: ScenarioResult[] = [];
const started = performance.now();
for (const scenario of chosen) {
  const t0 = performance.now();
  console.error(`\n▶ ${scenario.name}: ${scenario.description}`);
  results.push(
    await scenario.run({
      quick: values.quick,
      rounds,
      ops,
      profileFile: values.profile ? join(dirname(RESULTS_FILE), `${scenario.name}.cpuprofile`) : undefined,
      log: (line) => console.error(`  ${line}`),
    }),
  );
  console.error(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

console.log(`\n${formatTable(results.flatMap((r) => r.metrics))}\n`);
for (const r of results) {
  for (const note of r.notes) console.log(`${r.scenario}: ${note}`);
  for (const [name, ok] of Object.entries(r.checks)) if (!ok) console.log(`${r.scenario}: CHECK FAILED: ${name}`);
}
for (const r of results) if (r.profile) console.log(`\n${r.scenario} profile (measured windows only; whole run in bench/results/${r.scenario}.cpuprofile):\n${r.profile}`);
const file = writeResults({ ...header, scenarios: results });
console.log(
  `\n${((performance.now() - started) / 1000).toFixed(1)} s; load now ${currentLoad().join(' ')}; every sample in ${file}`,
);
if (results.some((r) => Object.values(r.checks).some((ok) => !ok))) process.exitCode = 1;
