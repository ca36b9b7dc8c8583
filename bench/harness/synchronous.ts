/**
 * `BENCH_SYNCHRONOUS=NORMAL npm run bench -- storage live-editing big-wave`: every SQLite database
 * of those scenarios (ours and the baselines alike) without an fsync per commit, to see what is
 * left when the disk is out of the picture. Unset: the server's default (FULL).
 */
export function benchSynchronous(): 'FULL' | 'NORMAL' | undefined {
  const v = process.env.BENCH_SYNCHRONOUS;
  return v === 'FULL' || v === 'NORMAL' ? v : undefined;
}
