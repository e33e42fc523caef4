// The register's import: a spreadsheet uploaded into the imports folder, its headers mapped to the
// register's columns (guessed from their names), checked, then imported in one edit or not at all;
// the rows that match no plot are listed.
import { useState } from 'react';
import type { Output } from '../../shared/api';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../shared/cemetery/columns';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useImportsFolder } from '../exchange/useImportsFolder';
import { useI18n } from '../i18n';
import { useCemeteryT } from './dict';
import { type CemeteryItem, CemeteryPicker } from './useCemeteries';

type Report = Output<'cemetery.importRegister'>;

export function RegisterTab({ cemeteries }: { cemeteries: CemeteryItem[] }) {
  const c = useCemeteryT();
  const { pick } = useI18n();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const { upload } = useImportsFolder();
  const [cemeteryId, setCemeteryId] = useState(cemeteries[0]?.id ?? '');
  const [file, setFile] = useState<Output<'cemetery.registerColumns'> & { name: string } | null>(null);
  const [columns, setColumns] = useState<Partial<Record<RegisterColumn, string>>>({});
  const [keep, setKeep] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (list: FileList | null) => {
    if (!list?.length) return;
    const [name] = await upload(list);
    if (!name) return;
    try {
      const r = await api.invoke('cemetery.registerColumns', { file: name });
      setFile({ ...r, name });
      setColumns(r.guess);
      setReport(null);
    } catch (e) {
      showError(e);
    }
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const mapped = Object.fromEntries(Object.entries(columns).filter(([, h]) => h));
      const r = await api.invoke('cemetery.importRegister', { cemeteryId, file: file.name, sheet: file.sheet, columns: mapped, keepUnmatched: keep, dryRun });
      setReport(r);
      if (r.editId !== null) toast(c('register.written'), 'success');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!cemeteries.length) return <p className="cem-muted">{c('cemetery.none')}</p>;
  return (
    <div className="cem-register">
      <CemeteryPicker cemeteries={cemeteries} value={cemeteryId} onChange={setCemeteryId} label={c('cemetery.choose')} />
      <label className="cem-field">
        <span>{c('register.upload')}</span>
        <input type="file" accept=".xlsx,.xlsm,.ods,.csv" onChange={(e) => void onFile(e.target.files)} data-testid="cemetery-register-file" />
      </label>
      {file && (
        <>
          <div className="cem-muted">{c('register.file', { name: file.name, n: file.rows })}</div>
          <div className="cem-label">{c('register.columns')}</div>
          <div className="cem-columns">
            {REGISTER_COLUMNS.map((col) => (
              <label key={col} className="cem-field">
                <span>{c(`col.${col}`)}</span>
                <select value={columns[col] ?? ''} onChange={(e) => setColumns((m) => ({ ...m, [col]: e.target.value }))} data-testid={`cemetery-col-${col}`}>
                  <option value="">{c('register.column.none')}</option>
                  {file.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <label className="cem-check">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> {c('register.keep')}
          </label>
          <div className="cem-actions">
            <button className="btn" disabled={busy} onClick={() => void run(true)} data-testid="cemetery-register-check">
              {c('register.check')}
            </button>
            <button className="btn btn-primary" disabled={busy || !cemeteryId} onClick={() => void run(false)} data-testid="cemetery-register-import">
              {c('register.import')}
            </button>
          </div>
        </>
      )}
      {report && (
        <div className="cem-report" data-testid="cemetery-register-report">
          <div>{c('register.result', { rows: report.rows, matched: report.matched, unknown: report.unknown, unmatched: report.unmatched.length })}</div>
          {report.editId === null && report.unmatched.length > 0 && <div className="cem-warn">{c('register.notWritten')}</div>}
          <ul className="cem-unmatched">
            {report.unmatched.slice(0, 200).map((u) => (
              <li key={u.row}>{c('register.unmatched', { row: u.row, name: u.name, place: u.place, reason: pick(u.reason) })}</li>
            ))}
          </ul>
          <div className="cem-muted">{c('register.edit')}</div>
        </div>
      )}
    </div>
  );
}
