// Martyrs, information forms (phiếu 01) and area conclusions: searchable lists (with or without
// diacritics: records.query folds them), a form per record, the features each is linked to, and
// its attachments (e.g. the scan of signed minutes).
import { useCallback, useEffect, useState } from 'react';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { TABLES, type TableName } from '../../shared/model/tables';
import { isFeatureTable, type FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import { AttachmentsTab } from './AttachmentsTab';
import { AttributeForm, diffProps } from './AttributeForm';
import { LockIcon } from './LockIcon';
import { useD } from './dict';
import { recordTitle } from './recordTitle';
import { RowVerification } from '../verification/RowVerification';

export const RECORD_TABS = ['martyrs', 'info_forms', 'conclusions'] as const;
export type RecordTab = (typeof RECORD_TABS)[number];

export function RecordsPanel({
  open,
  onOpen,
  communeCode,
  onShowFeature,
  reloadTick,
  onClose,
  reviewLock = () => null,
}: {
  open: { table: RecordTab; id: string | null };
  onOpen: (o: { table: RecordTab; id: string | null }) => void;
  communeCode: string | null;
  onShowFeature: (table: FeatureTableName, id: string) => void;
  reloadTick: number;
  onClose: () => void;
  /** Why a record of this commune may not be edited (its map approved, or submitted for its staff), or null. */
  reviewLock?: (communeCode: unknown) => string | null;
}) {
  const api = useApi();
  const { pick } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [current, setCurrent] = useState<Row | null>(null);
  const [creating, setCreating] = useState(false);
  const [linked, setLinked] = useState<{ link: Row; other: Row | null }[]>([]);
  const table = open.table;
  const newLock = reviewLock(communeCode);
  const lock = current ? reviewLock(current.props.commune_code) : null;

  useEffect(() => {
    let live = true;
    const h = window.setTimeout(() => {
      api
        .invoke('records.query', { table, search: search || undefined, limit: 300 })
        .then((r) => {
          if (!live) return;
          setRows(r.rows);
          setTotal(r.total);
        })
        .catch(showError);
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(h);
    };
  }, [api, table, search, reloadTick, showError]);

  const loadCurrent = useCallback(() => {
    if (!open.id) {
      setCurrent(null);
      setLinked([]);
      return;
    }
    api.invoke('rows.get', { table, id: open.id }).then(setCurrent).catch(showError);
    api
      .invoke('links.of', { table, id: open.id })
      .then((ls) => setLinked(ls.filter((l) => !l.link.meta.deleted)))
      .catch(showError);
  }, [api, table, open.id, showError]);
  useEffect(() => {
    setCreating(false);
    loadCurrent();
  }, [loadCurrent, reloadTick]);

  const save = async (props: RowProps) => {
    if (creating) {
      const r = await api.invoke('edits.apply', { label: `Thêm ${TABLES[table].vi}`, put: [{ table, props }] });
      toast(d('form.saved'), 'success');
      setCreating(false);
      onOpen({ table, id: r.rows[0]!.id });
      return;
    }
    if (!current) return;
    const patch = diffProps(current.props, props);
    if (!Object.keys(patch).length) return;
    await api.invoke('edits.apply', { label: `Sửa ${TABLES[table].vi}`, put: [{ table, id: current.id, baseVersion: current.meta.version, props: patch }] });
    toast(d('form.saved'), 'success');
    loadCurrent();
  };

  return (
    <section className="dock records-panel" data-testid="records-panel" data-table={table}>
      <div className="dock-head">
        <b>{d('records.title')}</b>
        <div className="tabs" role="tablist">
          {RECORD_TABS.map((t) => (
            <button key={t} role="tab" aria-selected={t === table} className={`tab${t === table ? ' tab-on' : ''}`} data-testid={`records-tab-${t}`} onClick={() => onOpen({ table: t, id: null })}>
              {pick(TABLES[t])}
            </button>
          ))}
        </div>
        <input type="search" placeholder={d('table.search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="records-search" />
        <span className="muted small" data-testid="records-count">
          {d('table.rows', { n: rows.length, total })}
        </span>
        <button
          className="btn btn-small"
          data-testid="records-new"
          disabled={!!newLock}
          title={newLock ?? undefined}
          onClick={() => {
            onOpen({ table, id: null });
            setCreating(true);
          }}
        >
          + {d('records.new')}
        </button>
        <span className="top-spacer" />
        <button className="icon-btn" onClick={onClose} title={d('table.close')} aria-label={d('table.close')}>
          ×
        </button>
      </div>
      <div className="dock-body records-body">
        <ul className="records-list" data-testid="records-list">
          {rows.map((r) => (
            <li key={r.id}>
              <button className={`link-btn${r.id === open.id ? ' on' : ''}`} data-testid="record-item" data-id={r.id} onClick={() => onOpen({ table, id: r.id })}>
                {recordTitle(r)}
              </button>
            </li>
          ))}
        </ul>
        <div className="record-detail">
          {creating ? (
            <AttributeForm table={table} initial={{ commune_code: communeCode }} onSubmit={save} onCancel={() => setCreating(false)} testId="record-form" />
          ) : current ? (
            <>
              {lock && (
                <p className="lock-note small" data-testid="record-lock-note" data-message="note" role="note">
                  <LockIcon /> {lock}
                </p>
              )}
              <AttributeForm table={table} initial={current.props} readOnly={!!lock} onSubmit={save} testId="record-form" />
              <div className="record-linked" data-testid="record-linked">
                <b className="small">{d('records.linked')}</b>
                {linked.length === 0 ? (
                  <p className="muted small">{d('records.noneLinked')}</p>
                ) : (
                  <ul className="link-list">
                    {linked.map(({ link, other }) => (
                      <li key={link.id} data-testid="record-linked-item">
                        <span className="muted small">{other ? pick(TABLES[other.table as TableName]) : '—'}</span>{' '}
                        {other && isFeatureTable(other.table) ? (
                          <button className="link-btn" onClick={() => onShowFeature(other.table as FeatureTableName, other.id)} title={d('records.showOnMap')}>
                            {recordTitle(other)}
                          </button>
                        ) : (
                          <span>{other ? recordTitle(other) : '—'}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <AttachmentsTab table={table} id={current.id} editable={!lock} />
              <RowVerification table={table} id={current.id} title={recordTitle(current)} />
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
