// Running the import as a job: send it with the form's own choices, cancel it, and say how it ended.
import { useEffect } from 'react';
import type { Job } from '../../../shared/api';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import { importInput, type FileOptions, type PreviewLayer } from './import-options';
import type { ImportMapping } from './useImportMapping';

/** The job's line under the progress bar. */
export function useJobText() {
  const x = useExchangeT();
  const { pick, num } = useI18n();
  return (job: Job, count: number) =>
    job.state === 'running'
      ? x('running', { done: num(job.done), total: num(job.total) })
      : job.state === 'done'
        ? x('done', { n: num(job.total || count) })
        : job.state === 'cancelled'
          ? x('cancelled')
          : `${x('failed')} ${pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' })}`;
}

export function useImportRun(file: FileOptions, m: ImportMapping, current: PreviewLayer | undefined, job: Job | null, setJob: (j: Job | null) => void) {
  const api = useApi();
  const x = useExchangeT();
  const { pick, num } = useI18n();
  const showError = useErrorToast();
  const toast = useToast();

  const run = async () => {
    if (!m.table || !current) return;
    try {
      const r = await api.invoke('exchange.import', importInput(file, current.name, m.table, m.map, m.typedDefaults));
      setJob(r.job);
    } catch (e) {
      showError(e, x('failed'));
    }
  };
  const cancel = () => job && api.invoke('jobs.cancel', { id: job.id }).catch(showError);

  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(x('done', { n: num(job.total || current?.count || 0) }), 'success');
    else if (job.state === 'cancelled') toast(x('cancelled'), 'info');
    else toast(`${x('failed')} ${pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' })}`, 'error');
  }, [job?.state]);

  return { run, cancel };
}
