// Adding a base map: upload in pieces → read → choose the CRS when the file does not say it →
// added as a job; the busy line says where it is, and the end of the job is told and the list shown.
import { useEffect, useRef, useState } from 'react';
import type { CrsInfo } from '../../../shared/api';
import type { BasemapInspect } from '../../../shared/contract/basemap';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useJob } from '../../components/useJob';
import { useI18n } from '../../i18n';
import { useBasemapT } from '../dict';
import { uploadInPieces } from './upload';

export function useAddBasemap(refresh: () => void) {
  const api = useApi();
  const b = useBasemapT();
  const { pick } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [job, trackJob] = useJob();
  const [askCrs, setAskCrs] = useState<BasemapInspect | null>(null);
  const [crsList, setCrsList] = useState<CrsInfo[]>([]);
  const adding = useRef('');
  const fail = (e: unknown) => {
    setBusy(null);
    showError(e);
  };

  // The add job ended: say how, and show the list as it is now.
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(b('added', { name: adding.current }), 'success');
    else if (job.state === 'failed') toast(b('failed', { error: pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }) }), 'error');
    trackJob(null);
    setBusy(null);
    refresh();
  }, [job, b, toast, refresh, trackJob]);

  const startAdd = async (file: string, crsCode?: string) => {
    try {
      setBusy(b('adding', { pct: 0 }));
      adding.current = file;
      const r = await api.invoke('basemaps.add', { file, ...(crsCode ? { crsCode } : {}) });
      trackJob(r.job);
    } catch (e) {
      fail(e);
    }
  };
  const onFile = async (f: File) => {
    try {
      const name = await uploadInPieces(api, f, (pct) => setBusy(b('uploading', { pct })));
      setBusy(b('reading'));
      const facts = await api.invoke('basemaps.inspect', { file: name });
      for (const w of facts.warnings) toast(pick(w), 'info');
      if (!facts.needsCrs) return await startAdd(name);
      setBusy(null);
      if (crsList.length === 0) setCrsList(await api.invoke('crs.list', {}));
      setAskCrs(facts);
    } catch (e) {
      fail(e);
    }
  };
  const chooseCrs = (code: string) => {
    const file = askCrs!.file;
    setAskCrs(null);
    void startAdd(file, code);
  };
  const cancelJob = () => job && api.invoke('jobs.cancel', { id: job.id }).catch(showError);
  return { busy, job, askCrs, crsList, onFile, chooseCrs, cancelAsk: () => setAskCrs(null), cancelJob };
}

export type AddBasemapState = ReturnType<typeof useAddBasemap>;
