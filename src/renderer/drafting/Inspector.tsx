// The right-hand panel for the selected (or newly drawn) feature: its form, its links to martyrs,
// information forms and conclusions, its attachments, and its audit history.
import { useCallback, useEffect, useState } from 'react';
import type { Geometry } from '../../shared/model/geometry';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { TABLES, type TableName } from '../../shared/model/tables';
import type { FeatureTableName } from '../../shared/symbology';
import { useI18n } from '../i18n';
import { useApi, useErrorToast, useToast } from '../components/common';
import { AttributeForm, diffProps } from './AttributeForm';
import { AttachmentsTab } from './AttachmentsTab';
import { ConflictDialog, type Conflict } from './ConflictDialog';
import { toUiError } from '../errors';
import { HistoryTab } from './HistoryTab';
import { RowVerification } from '../verification/RowVerification';
import { LinksTab } from './LinksTab';
import { LockIcon } from './LockIcon';
import { useD } from './dict';

export type InspectorTarget =
  | { kind: 'new'; table: FeatureTableName; geometry: Geometry; props: RowProps }
  | { kind: 'feature'; table: FeatureTableName; id: string };

type Tab = 'attrs' | 'links' | 'files' | 'history';

export function Inspector({
  target,
  lockFor,
  onClose,
  onCreated,
  onOpenRecord,
  historyTick,
  onSeen,
}: {
  target: InspectorTarget;
  /** Why the row is read-only (another commune's, a boundary), or null when it may be edited. */
  lockFor: (table: FeatureTableName, props: RowProps) => string | null;
  onClose: () => void;
  onCreated: (table: FeatureTableName, id: string) => void;
  onOpenRecord: (table: TableName, id: string) => void;
  historyTick: number;
  /** The row as this panel read it: its version is what a deletion of the selection names. */
  onSeen?: (row: Row) => void;
}) {
  const api = useApi();
  const { pick, date, lang } = useI18n();
  const d = useD();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const toast = useToast();
  const showError = useErrorToast();
  const [row, setRow] = useState<Row | null>(null);
  const [tab, setTab] = useState<Tab>('attrs');
  const id = target.kind === 'feature' ? target.id : null;

  // The row as it is NOW in the store: its version is the baseVersion of the next save, so a save
  // after someone else's is refused as a conflict instead of overwriting it.
  const table = target.table;
  const load = useCallback(() => {
    if (!id) return;
    api
      .invoke('rows.get', { table, id })
      .then((r) => {
        setRow(r);
        onSeen?.(r);
      })
      .catch(showError);
  }, [api, table, id, showError, onSeen]);
  useEffect(() => {
    setRow(null);
    setTab('attrs');
    load();
  }, [load]);
  // After this window's own edits (vertex drags, undo, redo) the version moved on: re-read.
  useEffect(() => {
    if (historyTick > 0) load();
  }, [historyTick]);

  const save = async (props: RowProps) => {
    if (target.kind === 'new') {
      const r = await api.invoke('edits.apply', {
        label: `Thêm ${TABLES[target.table].vi}`,
        put: [{ table: target.table, geometry: target.geometry, props }],
      });
      toast(d('form.saved'), 'success');
      onCreated(target.table, r.rows[0]!.id);
      return;
    }
    if (!row) return;
    const patch = diffProps(row.props, props);
    if (Object.keys(patch).length === 0) return;
    try {
      await api.invoke('edits.apply', {
        label: `Sửa thuộc tính ${TABLES[target.table].vi}`,
        put: [{ table: target.table, id: row.id, baseVersion: row.meta.version, props: patch }],
      });
    } catch (e) {
      // Someone saved this feature after this window read it: both versions side by side, the user chooses.
      if (e && typeof e === 'object' && (e as { code?: string }).code === 'conflict') {
        setConflict({ table: target.table, seen: row, mine: { props: patch }, message: toUiError(e, lang).message });
        return;
      }
      throw e;
    }
    toast(d('form.saved'), 'success');
    load();
  };

  const resolved = (outcome: 'kept' | 'taken' | 'merged', who: string) => {
    setConflict(null);
    toast(outcome === 'taken' ? d('conflict.taken', { who }) : d('conflict.kept'), outcome === 'taken' ? 'info' : 'success');
    load();
  };

  const lockMessage = target.kind === 'feature' && row ? lockFor(target.table, row.props) : null;
  const editable = lockMessage === null;
  const def = TABLES[target.table];
  const title = target.kind === 'new' ? d('draw.new') : String(row?.props.name ?? row?.props.code ?? '') || pick(def);
  return (
    <aside
      className="feature-panel inspector"
      data-testid="feature-panel"
      data-table={target.table}
      data-id={id ?? ''}
      data-pinned="true"
      data-version={row?.meta.version ?? ''}
    >
      <div className="panel-title">
        <span data-testid="feature-name">{title}</span>
        <span className="panel-sub">{pick(def)}</span>
        {target.kind === 'feature' && (
          <button className="icon-btn" onClick={load} title={d('inspector.reload')} aria-label={d('inspector.reload')} data-testid="inspector-reload">
            ⟳
          </button>
        )}
        <button className="icon-btn" onClick={onClose} title={d('form.cancel')} aria-label={d('form.cancel')} data-testid="inspector-close">
          ×
        </button>
      </div>
      {target.kind === 'feature' && (
        <div className="tabs" role="tablist">
          {(['attrs', 'links', 'files', 'history'] as const).map((k) => (
            <button key={k} role="tab" aria-selected={tab === k} className={`tab${tab === k ? ' tab-on' : ''}`} data-testid={`tab-${k}`} onClick={() => setTab(k)}>
              {d(`tab.${k}`)}
            </button>
          ))}
        </div>
      )}
      {lockMessage && (
        <p className="lock-note small" data-testid="lock-note" data-message="note" role="note">
          <LockIcon /> {lockMessage}
        </p>
      )}
      {conflict && <ConflictDialog conflict={conflict} onDone={resolved} />}
      <div className="inspector-body">
        {tab === 'attrs' &&
          (target.kind === 'new' ? (
            <AttributeForm table={target.table} initial={target.props} onSubmit={save} onCancel={onClose} />
          ) : row ? (
            <>
              <AttributeForm table={target.table} initial={row.props} readOnly={!editable} onSubmit={save} />
              <p className="muted small pad" data-testid="row-meta">
                v{row.meta.version} · {row.meta.updatedBy} · {date(row.meta.updatedAt)}
              </p>
              <RowVerification table={target.table} id={row.id} title={title} compact />
            </>
          ) : (
            <p className="muted small pad">…</p>
          ))}
        {tab === 'links' && id && <LinksTab table={target.table} id={id} editable={editable} onOpenRecord={onOpenRecord} />}
        {tab === 'files' && id && <AttachmentsTab table={target.table} id={id} editable={editable} />}
        {tab === 'history' && id && row && <HistoryTab table={target.table} row={row} editable={editable} tick={historyTick} onRestored={load} />}
      </div>
    </aside>
  );
}
