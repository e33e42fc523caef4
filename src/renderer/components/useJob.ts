// Follows one job: its 'job.progress' events, plus a slow poll of jobs.list while it runs — a job
// that ends before its id is known here (a small import) would otherwise look "running" forever.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../shared/api';
import { useApi } from './common';

export function useJob() {
  const api = useApi();
  const seen = useRef(new Map<string, Job>());
  const [job, setJob] = useState<Job | null>(null);
  useEffect(
    () =>
      api.on('job.progress', (j) => {
        seen.current.set(j.id, j);
        setJob((cur) => (cur && cur.id === j.id ? j : cur));
      }),
    [api],
  );
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setInterval(() => {
      api
        .invoke('jobs.list', {})
        .then((list) => {
          const j = list.find((x) => x.id === job.id);
          if (j) setJob((cur) => (cur && cur.id === j.id && cur.state === 'running' ? j : cur));
        })
        .catch(() => undefined);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [api, job?.id, job?.state]);
  const track = useCallback((j: Job | null) => setJob(j ? (seen.current.get(j.id) ?? j) : null), []);
  return [job, track] as const;
}
