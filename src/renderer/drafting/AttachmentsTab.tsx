// Photos and scans attached to a feature or record: uploaded through attachments.upload (one audited
// edit plus the bytes), viewed from a blob: URL (the CSP allows blob: images, nothing remote).
import { useCallback, useEffect, useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '../../shared/contract/limits';
import type { Row } from '../../shared/model/rows';
import type { TableName } from '../../shared/model/tables';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useD } from './dict';

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function AttachmentsTab({ table, id, editable }: { table: TableName; id: string; editable: boolean }) {
  const api = useApi();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const [rows, setRows] = useState<Row[]>([]);
  const [view, setView] = useState<{ url: string; mime: string; name: string } | null>(null);

  const load = useCallback(() => {
    api
      .invoke('records.query', { table: 'attachments', filter: { owner_table: table, owner_id: id }, limit: 200 })
      .then((r) => setRows(r.rows))
      .catch(showError);
  }, [api, table, id, showError]);
  useEffect(load, [load]);
  useEffect(
    () => () => {
      if (view) URL.revokeObjectURL(view.url);
    },
    [view],
  );

  const upload = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      if (f.size > ATTACHMENT_MAX_BYTES) {
        toast(`${f.name}: ${d('files.tooBig', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 })}`, 'error');
        continue;
      }
      try {
        await api.invoke('attachments.upload', {
          ownerTable: table,
          ownerId: id,
          filename: f.name,
          mime: f.type || 'application/octet-stream',
          dataBase64: toBase64(await f.arrayBuffer()),
        });
      } catch (e) {
        showError(e, f.name);
      }
    }
    load();
  };

  const open = async (r: Row) => {
    try {
      const a = await api.invoke('attachments.download', { id: r.id });
      const url = URL.createObjectURL(new Blob([fromBase64(a.dataBase64)], { type: a.mime }));
      setView({ url, mime: a.mime, name: a.filename });
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div className="files-tab" data-testid="files-tab">
      {rows.length === 0 ? (
        <p className="muted small pad">{d('files.none')}</p>
      ) : (
        <ul className="link-list">
          {rows.map((r) => (
            <li key={r.id} data-testid="attachment-item">
              <button className="link-btn" onClick={() => void open(r)} title={d('files.open')}>
                {String(r.props.filename)}
              </button>{' '}
              <span className="muted small">{Math.ceil(Number(r.props.size ?? 0) / 1024)} KB</span>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <label className="btn btn-small file-pick">
          {d('files.add')}
          <input type="file" multiple accept="image/*,application/pdf" data-testid="attach-input" onChange={(e) => void upload(e.target.files)} hidden />
        </label>
      )}
      {view && (
        <div className="attachment-view" data-testid="attachment-view">
          {view.mime.startsWith('image/') ? (
            <img src={view.url} alt={view.name} />
          ) : (
            <a href={view.url} download={view.name}>
              {view.name}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
