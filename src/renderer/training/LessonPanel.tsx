// Practice mode's lesson panel: the lesson's task in plain words, its steps, the control to use
// outlined on the screen, and "Kiểm tra bài", which main answers by looking at the practice copy's
// data (src/main/services/training.ts), never at clicks. Shown only on a practice copy.
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api';
import type { TrainingProgress } from '../../shared/contract/training';
import type { TrainingPresence } from '../../shared/contract/presence';
import { LESSONS, LESSON_IDS, lessonById, type LessonId } from '../../shared/training/lessons';
import { useI18n } from '../i18n';
import { useErrorToast } from '../components/common';
import { useT } from './dict';
import './training.css';

/** The open project's practice progress (null: not a practice copy). */
export function useTraining(api: ApiClient, path: string) {
  const [progress, setProgress] = useState<TrainingProgress | null>(null);
  useEffect(() => {
    let alive = true;
    api
      .invoke('training.state', {})
      .then((p) => alive && setProgress(p))
      // An older server without practice mode, or no project: no lesson panel, nothing to say.
      .catch(() => alive && setProgress(null));
    return () => {
      alive = false;
    };
  }, [api, path]);
  return [progress, setProgress] as const;
}

/** What the trainer's table shows of this window: the lesson open and its last check. */
export function trainingPresence(p: TrainingProgress | null): TrainingPresence | null {
  if (!p) return null;
  const r = p.results[p.current];
  return { lesson: p.current, ok: r ? r.ok : null, message: r && !r.ok ? r.vi.slice(0, 400) : '' };
}

/** Outlines the lesson's control (a pulsing border) while the lesson is open; it may appear later (a dialog). */
function useOutline(selector: string | null) {
  useEffect(() => {
    if (!selector) return;
    const mark = () => {
      document.querySelectorAll('.lesson-target').forEach((el) => {
        if (!el.matches(selector)) el.classList.remove('lesson-target');
      });
      document.querySelectorAll(selector).forEach((el) => el.classList.add('lesson-target'));
    };
    mark();
    const timer = window.setInterval(mark, 400);
    return () => {
      window.clearInterval(timer);
      document.querySelectorAll('.lesson-target').forEach((el) => el.classList.remove('lesson-target'));
    };
  }, [selector]);
}

export function LessonPanel({ api, progress, onProgress, focus }: { api: ApiClient; progress: TrainingProgress; onProgress: (p: TrainingProgress) => void; focus: string | null }) {
  const tt = useT();
  const { pick } = useI18n();
  const showError = useErrorToast();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(true);
  const [last, setLast] = useState<{ lesson: LessonId; ok: boolean; vi: string; en: string } | null>(null);
  const lesson = lessonById(progress.current);
  const n = LESSON_IDS.indexOf(lesson.id) + 1;
  const allDone = LESSON_IDS.every((id) => progress.results[id]?.ok);
  useOutline(open ? lesson.target : null);

  const check = useCallback(async () => {
    setBusy(true);
    try {
      const r = await api.invoke('training.check', { lesson: lesson.id, communeCode: focus });
      setLast({ lesson: lesson.id, ok: r.result.ok, vi: r.result.vi, en: r.result.en });
      onProgress(r.progress);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }, [api, lesson.id, focus, onProgress, showError]);

  const go = useCallback(
    async (id: LessonId) => {
      try {
        onProgress(await api.invoke('training.goto', { lesson: id }));
        setLast(null);
      } catch (e) {
        showError(e);
      }
    },
    [api, onProgress, showError],
  );

  if (!open) {
    return (
      <button className="lesson-tab" data-testid="lesson-show" onClick={() => setOpen(true)}>
        {tt('panel.show', { n })}
      </button>
    );
  }
  const status = (id: LessonId) => (progress.results[id] ? (progress.results[id]!.ok ? 'done' : 'wrong') : 'todo');
  return (
    <aside className="lesson-panel" data-testid="lesson-panel" data-lesson={lesson.id} aria-label={tt('panel.title')}>
      <header>
        <b>{tt('panel.title')}</b> <span className="muted small">{tt('panel.learner', { name: progress.learner })}</span>
        <button className="lesson-min" onClick={() => setOpen(false)} title={tt('panel.hide')} aria-label={tt('panel.hide')}>
          –
        </button>
      </header>
      <ol className="lesson-steps-nav">
        {LESSONS.map((l, i) => (
          <li key={l.id}>
            <button
              className={`lesson-dot lesson-${status(l.id)}${l.id === lesson.id ? ' lesson-current' : ''}`}
              title={`${i + 1}. ${pick(l.title)} — ${tt(`status.${status(l.id)}`)}`}
              data-testid={`lesson-go-${l.id}`}
              data-status={status(l.id)}
              onClick={() => void go(l.id)}
            >
              {status(l.id) === 'done' ? '✓' : i + 1}
            </button>
          </li>
        ))}
      </ol>
      <h3 data-testid="lesson-title">{tt('panel.lesson', { n, total: LESSONS.length, title: pick(lesson.title) })}</h3>
      <p className="lesson-task" data-testid="lesson-task">
        {pick(lesson.task(progress.setup))}
      </p>
      <details open>
        <summary>{tt('panel.steps')}</summary>
        <ol className="lesson-how">
          {lesson.steps.map((s, i) => (
            <li key={i}>{pick(s)}</li>
          ))}
        </ol>
        <p className="muted small">{tt('panel.where')}</p>
      </details>
      {last && (
        <div className={`lesson-result ${last.ok ? 'ok' : 'wrong'}`} role={last.ok ? 'status' : 'alert'} data-message={last.ok ? undefined : 'lesson'} data-testid="lesson-result" data-ok={String(last.ok)}>
          {last.ok ? tt('panel.ok', { n: LESSON_IDS.indexOf(last.lesson) + 1 }) : tt('panel.wrong', { msg: pick(last) })}
        </div>
      )}
      {allDone && <div className="lesson-result ok" data-testid="lesson-all-done">{tt('panel.allDone', { total: LESSONS.length })}</div>}
      <div className="lesson-actions">
        <button className="btn btn-small" disabled={n === 1} onClick={() => void go(LESSON_IDS[n - 2]!)}>
          {tt('panel.prev')}
        </button>
        <button className="btn btn-primary" data-testid="lesson-check" disabled={busy} onClick={() => void check()}>
          {busy ? tt('panel.checking') : tt('panel.check')}
        </button>
        <button className="btn btn-small" disabled={n === LESSONS.length} onClick={() => void go(LESSON_IDS[n]!)}>
          {tt('panel.next')}
        </button>
      </div>
    </aside>
  );
}
