// Links of a feature (or record) to martyrs, information forms and conclusions: listed with the
// row at the other end, opened, added and removed, each as one edit.
import { useCallback, useEffect, useState } from 'react';
import type { Row } from '../../shared/model/rows';
import { TABLES, type TableName } from '../../shared/model/tables';
import type { LinkRole } from '../../shared/model/enums';
import { useI18n } from '../i18n';
import { useApi, useErrorToast } from '../components/common';
import { useD } from './dict';
import { recordTitle } from './recordTitle';

const LINKABLE = ['martyrs', 'info_forms', 'conclusions'] as const;
type Linkable = (typeof LINKABLE)[number];
const DEFAULT_ROLE: Record<Linkable, LinkRole> = { martyrs: 'buried_here', info_forms: 'source', conclusions: 'concludes' };

export function LinksTab({
  table,
  id,
  editable,
  onOpenRecord,
}: {
  table: TableName;
  id: string;
  editable: boolean;
  onOpenRecord: (table: TableName, id: string) => void;
}) {
  const api = useApi();
  const { pick } = useI18n();
  const d = useD();
  const showError = useErrorToast();
  const [links, setLinks] = useState<{ link: Row; other: Row | null }[]>([]);
  const [to, setTo] = useState<Linkable>('martyrs');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Row[]>([]);

  const load = useCallback(() => {
    api.invoke('links.of', { table, id }).then((ls) => setLinks(ls.filter((l) => !l.link.meta.deleted))).catch(showError);
  }, [api, table, id, showError]);
  useEffect(load, [load]);

  useEffect(() => {
    let live = true;
    setFound([]);
    const h = window.setTimeout(() => {
      api
        .invoke('records.query', { table: to, search: q || undefined, limit: 20 })
        .then((r) => live && setFound(r.rows))
        .catch(showError);
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(h);
    };
  }, [api, to, q, showError]);

  const link = async (other: Row) => {
    // The row's own table, not the picker's current one (the list may still show the previous table's rows).
    const toTable = other.table as Linkable;
    try {
      await api.invoke('edits.apply', {
        label: `Liên kết ${TABLES[table].vi} với ${TABLES[toTable].vi}`,
        put: [{ table: 'links', props: { from_table: table, from_id: id, to_table: toTable, to_id: other.id, role: DEFAULT_ROLE[toTable] } }],
      });
      load();
    } catch (e) {
      showError(e);
    }
  };
  const unlink = async (l: Row) => {
    try {
      await api.invoke('edits.apply', { label: 'Bỏ liên kết', remove: [{ table: 'links', id: l.id, baseVersion: l.meta.version }] });
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div className="links-tab" data-testid="links-tab">
      {links.length === 0 ? (
        <p className="muted small pad">{d('links.none')}</p>
      ) : (
        <ul className="link-list" data-testid="link-list">
          {links.map(({ link: l, other }) => (
            <li key={l.id} data-testid="link-item" data-to-table={other?.table ?? ''}>
              <span className="muted small">{other ? pick(TABLES[other.table]) : '—'}</span>{' '}
              <button className="link-btn" disabled={!other} onClick={() => other && onOpenRecord(other.table, other.id)} title={d('links.open')}>
                {other ? recordTitle(other) : String(l.props.to_id)}
              </button>
              {editable && (
                <button className="icon-btn" onClick={() => void unlink(l)} title={d('links.unlink')} aria-label={d('links.unlink')}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="link-add">
          <div className="small muted">{d('links.add')}</div>
          <div className="row-inline">
            <select value={to} onChange={(e) => setTo(e.target.value as Linkable)} data-testid="link-table">
              {LINKABLE.map((t) => (
                <option key={t} value={t}>
                  {pick(TABLES[t])}
                </option>
              ))}
            </select>
            <input type="search" placeholder={d('links.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="link-search" />
          </div>
          <ul className="link-found">
            {found.map((r) => (
              <li key={r.id}>
                <button className="link-btn" onClick={() => void link(r)} data-testid="link-candidate" data-table={r.table} title={d('links.link')}>
                  + {recordTitle(r)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
