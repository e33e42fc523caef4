// The invalid geometries GEOS found in a layer: the full count, a page of rows at a time, and the
// whole list as a CSV file (the preview itself carries only the first 500).
import { useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../shared/api';
import { geosReasonText } from '../../shared/io/geos-reason';
import { useApi, useErrorToast } from '../components/common';
import { useI18n } from '../i18n';
import { useExchangeT } from './dict';

const PAGE = 50;
type Item = Output<'exchange.invalid'>['items'][number];
/** What the wizard read the file with: the same options find the same geometries again. */
export type InvalidSource = Omit<Input<'exchange.invalid'>, 'offset' | 'limit'>;

function saveCsv(items: Item[], fileName: string): void {
  const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // BOM: Excel opens a UTF-8 CSV with Vietnamese text correctly only with it.
  const csv = '\ufeffrow,reason\r\n' + items.map((i) => `${i.row},${esc(i.reason)}`).join('\r\n') + '\r\n';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

export function InvalidList({ first, total, source }: { first: Item[]; total: number; source: InvalidSource }) {
  const api = useApi();
  const x = useExchangeT();
  const { num, pick } = useI18n();
  const showError = useErrorToast();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Item[]>(first.slice(0, PAGE));
  const [busy, setBusy] = useState(false);
  // Back to the first page only when the list itself changes: the wizard re-reads the file when the
  // target table is chosen, which yields an equal list that must not throw the user off their page.
  const key = `${JSON.stringify(source)}|${total}|${first.map((v) => v.row).join(',')}`;
  const firstRef = useRef(first);
  firstRef.current = first;

  useEffect(() => {
    setOffset(0);
    setPage(firstRef.current.slice(0, PAGE));
  }, [key]);

  const go = async (to: number) => {
    setOffset(to);
    if (to + PAGE <= first.length || first.length === total) return setPage(first.slice(to, to + PAGE));
    setBusy(true);
    try {
      setPage((await api.invoke('exchange.invalid', { ...source, offset: to, limit: PAGE })).items);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    setBusy(true);
    try {
      const all = first.length === total ? first : (await api.invoke('exchange.invalid', { ...source, offset: 0, limit: total })).items;
      saveCsv(all, `hinh-khong-hop-le-${source.files[0]!.replace(/\.[^.]+$/, '')}.csv`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xc-invalid" data-testid="exchange-invalid-list">
      <ol start={offset + 1}>
        {page.map((v, i) => (
          <li key={`${offset + i}`} title={v.reason}>
            {x('row')} {v.row}: {pick(geosReasonText(v.reason))}
          </li>
        ))}
      </ol>
      <div className="xc-row">
        <button className="btn btn-small" disabled={busy || offset === 0} onClick={() => void go(Math.max(0, offset - PAGE))}>
          ‹
        </button>
        <span data-testid="exchange-invalid-page">{x('invalid.page', { from: num(offset + 1), to: num(Math.min(total, offset + PAGE)), total: num(total) })}</span>
        <button className="btn btn-small" disabled={busy || offset + PAGE >= total} onClick={() => void go(offset + PAGE)} data-testid="exchange-invalid-next">
          ›
        </button>
        <button className="btn btn-small" disabled={busy} onClick={() => void download()} data-testid="exchange-invalid-download">
          {x('invalid.download')}
        </button>
      </div>
    </div>
  );
}
