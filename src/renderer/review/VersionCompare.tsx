// A feature's versions side by side: for each recorded change, who, when, and every attribute (and
// the geometry) that differs from the version before, so a reviewer sees what a commune changed.
import { useEffect, useState } from 'react';
import type { AuditEntry, TableName } from '../../shared/model';
import { TABLES } from '../../shared/model/tables';
import { useApi, useErrorToast } from '../components/common';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';

interface Snapshot {
  props?: Record<string, unknown>;
  geometry?: { type: string; coordinates: unknown } | null;
  version?: number;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v).slice(0, 80) : String(v));

export function VersionCompare({ table, id }: { table: TableName; id: string }) {
  const api = useApi();
  const r = useReviewT();
  const { pick, date } = useI18n();
  const showError = useErrorToast();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    api.invoke('history.of', { table, id }).then(setEntries, showError);
  }, [api, table, id, showError]);
  if (!entries) return null;
  const fieldLabel = (f: string) => {
    const def = TABLES[table].fields.find((x) => x.name === f);
    return def ? pick(def) : f;
  };
  return (
    <div className="review-versions" data-testid="review-versions">
      <div className="small muted">{r('versions.title', { n: entries.length })}</div>
      <ol>
        {entries.map((e) => {
          const before = (e.before ?? {}) as Snapshot;
          const after = (e.after ?? {}) as Snapshot;
          const keys = [...new Set([...Object.keys(before.props ?? {}), ...Object.keys(after.props ?? {})])].filter(
            (k) => JSON.stringify(before.props?.[k] ?? null) !== JSON.stringify(after.props?.[k] ?? null),
          );
          const moved = JSON.stringify(before.geometry ?? null) !== JSON.stringify(after.geometry ?? null) && e.action !== 'insert';
          return (
            <li key={e.seq} data-testid="review-version">
              <b>v{after.version ?? '?'}</b> · {e.author} · {date(e.at)} · {e.label || e.action}
              {e.action === 'insert' ? (
                <div className="small">{r('versions.created')}</div>
              ) : (
                <table className="review-diff">
                  <tbody>
                    {keys.map((k) => (
                      <tr key={k}>
                        <td>{fieldLabel(k)}</td>
                        <td className="was">{show(before.props?.[k])}</td>
                        <td>→</td>
                        <td className="now">{show(after.props?.[k])}</td>
                      </tr>
                    ))}
                    {moved && (
                      <tr>
                        <td>{r('versions.geometry')}</td>
                        <td className="was">{show(before.geometry?.coordinates)}</td>
                        <td>→</td>
                        <td className="now">{show(after.geometry?.coordinates)}</td>
                      </tr>
                    )}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
