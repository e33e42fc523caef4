// The trainer's view in the hall: each learner's window, its commune, the lesson open and its last
// check, from the presence reports (src/main/services/presence.ts). Shown to reviewers and admins.
import type { PresenceEntry } from '../../shared/contract/presence';
import { isLessonId, lessonById, LESSON_IDS } from '../../shared/training/lessons';
import { useI18n } from '../i18n';
import { useT } from './dict';

export function TrainerTable({ entries, communeName }: { entries: readonly PresenceEntry[]; communeName: (code: string) => string }) {
  const tt = useT();
  const { pick } = useI18n();
  const learners = entries.filter((e) => e.training);
  if (learners.length === 0) return null;
  return (
    <div className="trainer-table" data-testid="trainer-table">
      <b>{tt('trainer.title')}</b>
      <table>
        <thead>
          <tr>
            <th>{tt('trainer.name')}</th>
            <th>{tt('trainer.commune')}</th>
            <th>{tt('trainer.lesson')}</th>
            <th>{tt('trainer.result')}</th>
          </tr>
        </thead>
        <tbody>
          {learners.map((e) => {
            const t = e.training!;
            const lesson = isLessonId(t.lesson) ? `${LESSON_IDS.indexOf(t.lesson) + 1}. ${pick(lessonById(t.lesson).title)}` : t.lesson;
            return (
              <tr key={e.clientId} data-testid="trainer-row">
                <td>{e.name}</td>
                <td>{communeName(e.communeCode ?? '')}</td>
                <td>{lesson}</td>
                <td className={t.ok === null ? 'muted' : t.ok ? 'ok' : 'wrong'}>{t.ok === null ? tt('trainer.unchecked') : t.ok ? `✓ ${tt('status.done')}` : `✗ ${t.message}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
