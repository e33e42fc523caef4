// Printing to PDF as a job: start it, follow it, cancel it, and say how it ended. The PDF is written
// by main beside the project; in browser mode that may be another machine's folder, so the finished
// file is offered as a download (Electron: its save dialog).
import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../shared/api';
import type { SheetSettingsInput } from '../../../shared/print';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useI18n } from '../../i18n';
import { usePrintT } from '../dict';
import { pdfRequest } from './sheet-settings';

export function usePrintJob(settings: SheetSettingsInput, series: boolean) {
  const api = useApi();
  const p = usePrintT();
  const { pick } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [job, setJob] = useState<Job | null>(null);
  // A short job can end before print.pdf has answered: the last state of every job is kept.
  const lastStates = useRef(new Map<string, Job>());
  useEffect(
    () =>
      api.on('job.progress', (j) => {
        lastStates.current.set(j.id, j);
        setJob((cur) => (cur && cur.id === j.id ? j : cur));
      }),
    [api],
  );
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(p('done', { name: last?.fileName ?? '' }), 'success');
    else if (job.state === 'cancelled') toast(p('cancelled'), 'info');
    else if (job.error) toast(pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }), 'error');
  }, [job?.state]);

  const [last, setLast] = useState<{ path: string; fileName: string } | null>(null);
  const printPdf = async () => {
    try {
      const r = await api.invoke('print.pdf', pdfRequest(settings, series));
      setLast({ path: r.path, fileName: r.fileName });
      const latest = lastStates.current.get(r.job.id) ?? (await api.invoke('jobs.list', {})).find((j) => j.id === r.job.id) ?? r.job;
      setJob(latest);
    } catch (e) {
      showError(e);
    }
  };
  const cancel = () => job && api.invoke('jobs.cancel', { id: job.id }).catch(showError);
  return { job, last, printPdf, cancel };
}

export type PrintJobState = ReturnType<typeof usePrintJob>;
