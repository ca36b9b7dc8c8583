import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * For `npm run bench -- --profile`: when BENCH_CPU_PROFILE names a file, samples this process's
 * CPU (node:inspector) from now on; SIGUSR2 writes the profile there and exits. The benchmark
 * picks the measured windows out of it (bench/harness/profile.ts, summarizeProfile).
 */
export async function profileUntilSignalled(intervalUs = 200): Promise<void> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  process.on('SIGUSR2', () => {
    void session
      .post('Profiler.stop')
      .then(({ profile }) => writeFileSync(file, JSON.stringify(profile)))
      .finally(() => process.exit(0));
  });
}
