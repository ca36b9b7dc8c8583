import type { Kysely } from 'kysely';
import { docName } from '../../../shared/doc-names.js';
import type { Person } from '../../../shared/schemas/waves.js';
import type { Database } from '../../db/database.js';

/**
 * The people a shipped wave names ("made with …"): the same people its status changes notify
 * (`followersOf`: supporters, document editors, authors of visible blips, people credited from a
 * cafe table), with their names, each once: writers first (document characters + blips, most
 * first), then table-mates, then supporters in the order they supported. Accounts that are gone
 * are left out.
 */
export async function madeWithOf(db: Kysely<Database>, waveId: string): Promise<Person[]> {
  const [editors, writers, credited, supporters] = await Promise.all([
    db
      .selectFrom('doc_contributors')
      .innerJoin('users', 'users.id', 'doc_contributors.user_id')
      .select(['users.id', 'users.display_name', 'doc_contributors.chars as n', 'doc_contributors.first_at as at'])
      .where('doc_contributors.doc_name', '=', docName.wave(waveId))
      .execute(),
    db
      .selectFrom('blips')
      .innerJoin('users', 'users.id', 'blips.author_id')
      .select(['users.id', 'users.display_name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('blips.created_at').as('at')])
      .where('blips.wave_id', '=', waveId)
      .where('blips.visibility', '=', 'visible')
      .groupBy(['users.id', 'users.display_name'])
      .execute(),
    db
      .selectFrom('wave_credits')
      .innerJoin('users', 'users.id', 'wave_credits.user_id')
      .select(['users.id', 'users.display_name', (eb) => eb.fn.min('wave_credits.created_at').as('at')])
      .where('wave_credits.wave_id', '=', waveId)
      .groupBy(['users.id', 'users.display_name'])
      .execute(),
    db
      .selectFrom('wave_supports')
      .innerJoin('users', 'users.id', 'wave_supports.user_id')
      .select(['users.id', 'users.display_name', 'wave_supports.created_at as at'])
      .where('wave_supports.wave_id', '=', waveId)
      .orderBy('wave_supports.created_at')
      .orderBy('users.id')
      .execute(),
  ]);
  const writing = new Map<string, { person: Person; weight: number; at: string }>();
  for (const row of [...editors, ...writers]) {
    const known = writing.get(row.id);
    const at = String(row.at);
    if (known) {
      known.weight += Number(row.n);
      if (at < known.at) known.at = at;
    } else writing.set(row.id, { person: { id: row.id, displayName: row.display_name }, weight: Number(row.n), at });
  }
  const ordered = [
    ...[...writing.values()].sort((a, b) => b.weight - a.weight || a.at.localeCompare(b.at) || a.person.id.localeCompare(b.person.id)).map((w) => w.person),
    ...credited.sort((a, b) => String(a.at).localeCompare(String(b.at)) || a.id.localeCompare(b.id)).map((c) => ({ id: c.id, displayName: c.display_name })),
    ...supporters.map((s) => ({ id: s.id, displayName: s.display_name })),
  ];
  const seen = new Set<string>();
  return ordered.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}
