// Export: format, layers, communes, statuses → a job; the file is then offered for download.
import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { EXPORT_FORMATS } from '../../shared/contract/limits';
import { FEATURE_TABLES, TABLES, type TableName } from '../../shared/model/tables';
import { SEARCH_AREA_STATUSES } from '../../shared/model/enums';
import { getClient } from '../api';
import { useApi, useErrorToast } from '../components/common';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';
import { useExchangeT } from './dict';
import { useJob } from '../components/useJob';
import { useImportsFolder } from './useImportsFolder';

type Format = (typeof EXPORT_FORMATS)[number];

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function ExportTab({ info }: { info: ProjectInfo }) {
  const api = useApi();
  const x = useExchangeT();
  const { pick } = useI18n();
  const showError = useErrorToast();
  const { files, refresh } = useImportsFolder();
  const [format, setFormat] = useState<Format>('kml');
  const [tables, setTables] = useState<TableName[]>([]);
  const [communes, setCommunes] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [job, setJob] = useJob();
  const [last, setLast] = useState<{ fileName: string; url: string } | null>(null);
  useEffect(() => {
    if (job && job.state !== 'running') refresh();
  }, [job?.state]);

  const run = async () => {
    try {
      const r = await api.invoke('exchange.export', {
        format,
        ...(tables.length ? { tables } : {}),
        ...(communes.length ? { communes } : {}),
        ...(statuses.length ? { statuses } : {}),
      });
      setLast(r);
      setJob(r.job);
    } catch (e) {
      showError(e);
    }
  };
  const href = (name: string) => getClient().binUrl(`exports/${name}`);

  return (
    <div className="xc-export" data-testid="exchange-export">
      <div className="xc-grid">
        <fieldset>
          <legend>{x('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="xc-check">
              <input type="radio" name="xc-format" checked={format === f} onChange={() => setFormat(f)} data-testid={`exchange-format-${f}`} /> {x(`fmt.${f}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            {x('export.layers')} <span className="muted">{tables.length ? '' : x('export.all')}</span>
          </legend>
          {FEATURE_TABLES.map((t) => (
            <label key={t} className="xc-check">
              <input type="checkbox" checked={tables.includes(t)} onChange={() => setTables(toggle(tables, t))} /> {pick(TABLES[t])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            {x('export.communes')} <span className="muted">{communes.length ? '' : x('export.all')}</span>
          </legend>
          {info.settings.communes.map((c) => (
            <label key={c.code} className="xc-check">
              <input type="checkbox" checked={communes.includes(c.code)} onChange={() => setCommunes(toggle(communes, c.code))} /> {c.name} ({c.code})
            </label>
          ))}
          <legend className="xc-sub">
            {x('export.statuses')} <span className="muted">{statuses.length ? '' : x('export.all')}</span>
          </legend>
          {SEARCH_AREA_STATUSES.map((s) => (
            <label key={s} className="xc-check">
              <input type="checkbox" checked={statuses.includes(s)} onChange={() => setStatuses(toggle(statuses, s))} /> {ENUM_LABELS[`status:${s}`] ? pick(ENUM_LABELS[`status:${s}`]!) : s}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="xc-row">
        <button className="btn btn-primary" onClick={run} disabled={job?.state === 'running'} data-testid="exchange-export-run">
          {x('export.run')}
        </button>
        {job?.state === 'running' && (
          <button className="btn" onClick={() => api.invoke('jobs.cancel', { id: job.id }).catch(showError)}>
            {x('cancel')}
          </button>
        )}
      </div>
      {job && (
        <div className="xc-progress" data-testid="exchange-export-progress" data-state={job.state}>
          <progress max={job.total || 1} value={job.state === 'done' ? job.total || 1 : job.done} />
          {job.state === 'done' && last && (
            <span>
              {x('export.done')}
              <a href={href(last.fileName)} download={last.fileName} data-testid="exchange-export-link">
                {last.fileName}
              </a>
            </span>
          )}
          {job.state === 'failed' && <span className="xc-warn">{pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' })}</span>}
        </div>
      )}
      {files && files.exports.length > 0 && (
        <>
          <div className="xc-label">{x('export.previous')}</div>
          <ul className="xc-files">
            {files.exports.map((f) => (
              <li key={f.name}>
                <a href={href(f.name)} download={f.name}>
                  {f.name}
                </a>{' '}
                <span className="muted">{(f.size / 1024).toFixed(0)} KiB</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
