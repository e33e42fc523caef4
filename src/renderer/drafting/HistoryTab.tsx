// The audit history of one row (who, when, what changed), and restoring an earlier version as a
// NEW edit (never rewriting the log).
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/model/edits';
import type { Geometry } from '../../shared/model/geometry';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { TABLES, type FieldDef, type TableName } from '../../shared/model/tables';
import { useI18n } from '../i18n';
import { useApi, useErrorToast, useToast } from '../components/common';
import { enumLabel, useD } from './dict';
import { recordTitle } from './recordTitle';
import { RowVerification } from '../verification/RowVerification';

interface Snap {
  props?: RowProps;
  geometry?: Geometry | null;
  version?: number;
}

function changes(table: TableName, e: AuditEntry, label: (f: { vi: string; en: string }) => string, geometryWord: string): string[] {
  const before = (e.before ?? {}) as Snap;
  const after = (e.after ?? {}) as Snap;
  const out: string[] = [];
  for (const f of TABLES[table].fields as readonly FieldDef[]) {
    const a = before.props?.[f.name] ?? null;
    const b = after.props?.[f.name] ?? null;
    const show = (v: unknown) => {
      if (v === null) return '∅';
      const l = f.type === 'enum' ? enumLabel(table, f.name, String(v)) : null;
      return l ? label(l) : String(v);
    };
    if (a !== b) out.push(`${label(f)}: ${show(a)} → ${show(b)}`);
  }
  if (JSON.stringify(before.geometry ?? null) !== JSON.stringify(after.geometry ?? null)) out.push(geometryWord);
  return out;
}

export function HistoryTab({ table, row, editable, tick, onRestored }: { table: TableName; row: Row; editable: boolean; tick: number; onRestored: () => void }) {
  const api = useApi();
  const { date, pick } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const [entries, setEntries] = useState<AuditEntry[]>([]);

  useEffect(() => {
    api.invoke('history.of', { table, id: row.id }).then(setEntries).catch(showError);
  }, [api, table, row.id, row.meta.version, tick, showError]);

  const restore = async (e: AuditEntry) => {
    const snap = e.after as Snap | null;
    if (!snap?.props) return;
    try {
      await api.invoke('edits.apply', {
        label: `Khôi phục phiên bản ${snap.version ?? ''}`,
        put: [{ table, id: row.id, baseVersion: row.meta.version, props: snap.props, ...(snap.geometry !== undefined ? { geometry: snap.geometry } : {}) }],
      });
      toast(d('history.restored', { v: snap.version ?? '?' }), 'success');
      onRestored();
    } catch (err) {
      showError(err);
    }
  };

  // Requests to the verification team about this row, and their decisions, head the history.
  const verification = <RowVerification table={table} id={row.id} title={recordTitle(row)} />;
  if (entries.length === 0)
    return (
      <>
        {verification}
        <p className="muted small pad">{d('history.none')}</p>
      </>
    );
  return (
    <>
      {verification}
      <ol className="history-list" data-testid="history-list">
        {[...entries].reverse().map((e) => {
          const snap = e.after as Snap | null;
          const isCurrent = snap?.version === row.meta.version;
          return (
            <li key={e.seq} data-testid="history-item" data-action={e.action}>
              <div>
                <b>{d(`history.action.${e.action}`)}</b> v{snap?.version ?? '—'} · {e.author} · {date(e.at)}
              </div>
              {e.label && <div className="small">{e.label}</div>}
              <div className="small muted">{changes(table, e, pick, d('history.geometry')).join('; ')}</div>
              {editable && !isCurrent && snap?.props && e.action !== 'delete' && (
                <button className="btn btn-small" onClick={() => void restore(e)} data-testid="history-restore">
                  {d('history.restore')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
