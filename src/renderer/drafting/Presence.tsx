// Who is drafting which commune in the district hall: this window reports its focused commune every
// few seconds (main forgets a report after 15 s), and shows the others' as a small list over the map:
// "Đang vẽ: Nam Đà — Nguyễn Văn A". Changes (someone arrives, leaves, picks another commune) are
// pushed as `presence.changed`; the periodic report's answer catches up with expiries.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api';
import type { PresenceEntry, TrainingPresence } from '../../shared/contract/presence';
import { useD } from './dict';

/** Well inside main's 15 s expiry: a missed report or two does not drop anyone from the list. */
const REPORT_EVERY_MS = 5000;

/** This window (tab) among the others, for the page's life. */
const CLIENT_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `w-${Math.random().toString(36).slice(2)}-${Date.now()}`;

/** `training`: a learner's lesson and last check (practice mode), for the trainer's table. */
export function usePresence(api: ApiClient, communeCode: string | null, name: string, training: TrainingPresence | null = null): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  // Compared by content: a new object with the same lesson and result is not a new report.
  const trainingKey = JSON.stringify(training);
  useEffect(() => {
    let alive = true;
    const t = JSON.parse(trainingKey) as TrainingPresence | null;
    const report = (code: string | null) =>
      api
        .invoke('presence.set', { clientId: CLIENT_ID, name, communeCode: code, activity: t ? 'practice' : 'drafting', training: t })
        .then((list) => alive && setEntries(list))
        // Presence is a courtesy: a missed report is sent again in 5 s, not shown as an error.
        .catch(() => undefined);
    void report(communeCode);
    const timer = setInterval(() => void report(communeCode), REPORT_EVERY_MS);
    const off = api.on('presence.changed', (list) => alive && setEntries(list));
    // Leaving the page (or the commune): the others see it at once rather than after 15 s.
    const leave = () => void report(null);
    window.addEventListener('pagehide', leave);
    return () => {
      alive = false;
      clearInterval(timer);
      off();
      window.removeEventListener('pagehide', leave);
    };
  }, [api, communeCode, name, trainingKey]);
  return entries.filter((e) => e.clientId !== CLIENT_ID);
}

export function PresenceList({ entries, communeName }: { entries: readonly PresenceEntry[]; communeName: (code: string) => string }) {
  const d = useD();
  if (entries.length === 0) return null;
  return (
    <div className="presence-list" data-testid="presence-list" aria-live="polite">
      <b>{d('presence.title')}:</b>
      <ul>
        {entries.map((e) => (
          <li key={e.clientId} data-testid="presence-entry" data-commune={e.communeCode ?? ''}>
            {communeName(e.communeCode ?? '')} — {e.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
