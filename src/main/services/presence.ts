// Presence in the district hall: each window reports the commune it is drafting every few seconds;
// a report not renewed within PRESENCE_TTL_MS is forgotten (a closed tab, a laptop gone to sleep).
// Kept in memory only: it describes who is here now, not the project, so nothing of it is written.
import type { Output } from '../../shared/api';
import { PRESENCE_TTL_MS, type PresenceEntry, type TrainingPresence } from '../../shared/contract/presence';
import type { Emit } from '../rpc/events';

/** More windows than a district hall holds: the oldest reports give way (a client inventing ids). */
const MAX_ENTRIES = 500;

export interface PresenceReport {
  clientId: string;
  name: string;
  communeCode: string | null;
  activity: string;
  /** A learner's lesson and last result (practice mode), for the trainer's table. */
  training?: TrainingPresence | null;
}

export interface Presence {
  /** Record a window's report; answers the entries still current. */
  set(report: PresenceReport): PresenceEntry[];
  list(): PresenceEntry[];
}

export function createPresence(opts: { emit: Emit; now?: () => number; ttlMs?: number }): Presence {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? PRESENCE_TTL_MS;
  const entries = new Map<string, PresenceEntry & { seen: number }>();

  /** Forgets expired reports; true when one was forgotten (the others are told). */
  const sweep = (): boolean => {
    const t = now();
    let gone = false;
    for (const [k, e] of entries) {
      if (t - e.seen > ttl) {
        entries.delete(k);
        gone = true;
      }
    }
    return gone;
  };
  const current = (): PresenceEntry[] =>
    [...entries.values()]
      .filter((e) => e.communeCode !== null)
      .sort((a, b) => (a.communeCode ?? '').localeCompare(b.communeCode ?? '') || a.name.localeCompare(b.name, 'vi'))
      .map(({ seen: _seen, ...e }) => e);

  return {
    set(r) {
      let changed = sweep();
      const before = entries.get(r.clientId);
      const t = now();
      const training = r.training ?? null;
      if (!before || before.name !== r.name || before.communeCode !== r.communeCode || before.activity !== r.activity || JSON.stringify(before.training) !== JSON.stringify(training)) changed = true;
      entries.delete(r.clientId); // re-inserted last: the map stays in order of the latest report
      entries.set(r.clientId, { clientId: r.clientId, name: r.name, communeCode: r.communeCode, activity: r.activity, training, at: new Date(t).toISOString(), seen: t });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      const list = current();
      // Only a change is pushed: the periodic renewals of the same report are not news.
      if (changed) opts.emit('presence.changed', list);
      return list;
    },
    list() {
      if (sweep()) opts.emit('presence.changed', current());
      return current();
    },
  };
}

/**
 * The presence methods of the contract. On the hall server the logged-in account's name is shown,
 * whatever the window sends (`accountName`); elsewhere the window's operator name, or the server's
 * operator for a window naming none.
 */
export function presenceHandlers(presence: Presence, operatorName: (callerName: string) => string, accountName: () => string | null = () => null) {
  return {
    'presence.set': (input: { clientId: string; name: string; communeCode: string | null; activity: string; training?: TrainingPresence | null }, call: { operator: string }): Output<'presence.set'> =>
      presence.set({
        clientId: input.clientId,
        name: accountName() ?? (input.name || operatorName(call.operator)),
        communeCode: input.communeCode || null,
        activity: input.activity,
        training: input.training ?? null,
      }),
    'presence.list': (): Output<'presence.list'> => presence.list(),
  };
}
