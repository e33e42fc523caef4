// The lookup: a search box over every cemetery's register (or one), the candidates best first; a
// candidate chosen zooms the map to its plot and selects it; one click prints its locator sheet.
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Candidate } from '../../shared/contract/cemetery';
import { getClient } from '../api';
import { useApi, useErrorToast, useToast } from '../components/common';
import type { MapController } from '../map/MapController';
import { requestShowFeature } from '../showFeature';
import { useCemeteryT } from './dict';
import { type CemeteryItem, CemeteryPicker } from './useCemeteries';

export function SearchTab({ cemeteries, ctl }: { cemeteries: CemeteryItem[]; ctl: RefObject<MapController | null> }) {
  const c = useCemeteryT();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [query, setQuery] = useState('');
  const [cemeteryId, setCemeteryId] = useState('');
  const [found, setFound] = useState<{ candidates: Candidate[]; tookMs: number } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const [printed, setPrinted] = useState<{ martyrId: string; fileName: string } | null>(null);
  const asked = useRef(0);

  // Each keystroke asks again after a short pause; an answer to an older question is dropped.
  useEffect(() => {
    if (!query.trim()) {
      setFound(null);
      return;
    }
    const n = ++asked.current;
    const t = setTimeout(() => {
      api
        .invoke('cemetery.search', { query, cemeteryId: cemeteryId || null, limit: 20 })
        .then((r) => n === asked.current && setFound(r))
        .catch(showError);
    }, 150);
    return () => clearTimeout(t);
  }, [api, query, cemeteryId, showError]);

  const show = (k: Candidate) => {
    setChosen(k.martyrId);
    requestShowFeature({ table: k.plotId ? 'cemetery_plots' : 'cemeteries', id: k.plotId ?? k.cemeteryId, extent: k.extent });
    // Closer than the usual 0.5 m a pixel: a plot is a metre wide, its neighbours must be readable.
    // After the first zoom's animation (200 ms): a fit started during it is overridden by it.
    const extent = k.extent;
    if (k.plotId && extent) setTimeout(() => ctl.current?.fitTo(extent, 0.05), 260);
  };
  const print = async (k: Candidate) => {
    setPrinting(k.martyrId);
    try {
      const r = await api.invoke('cemetery.locator', { martyrId: k.martyrId });
      setPrinted({ martyrId: k.martyrId, fileName: r.fileName });
      toast(c('locator.done', { name: r.fileName }), 'success');
    } catch (e) {
      showError(e);
    } finally {
      setPrinting(null);
    }
  };

  const list = found?.candidates ?? [];
  const partial = list[0] && list[0].matched < list[0].of;
  return (
    <div className="cem-search">
      <input
        className="cem-input"
        type="search"
        autoFocus
        value={query}
        placeholder={c('search.placeholder')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && list[0] && show(list[0])}
        data-testid="cemetery-search-input"
      />
      <CemeteryPicker cemeteries={cemeteries} value={cemeteryId} onChange={setCemeteryId} all={c('cemetery.all')} label={c('cemetery')} />
      {found && (
        <div className="cem-muted" data-testid="cemetery-search-count">
          {list.length ? c('search.took', { n: list.length, ms: found.tookMs }) : c('search.none')}
          {partial ? ` ${c('search.partial', { of: list[0]!.of, n: list[0]!.matched })}` : ''}
        </div>
      )}
      <ol className="cem-candidates" data-testid="cemetery-candidates">
        {list.map((k) => (
          <li key={k.martyrId} className={`cem-candidate${chosen === k.martyrId ? ' cem-candidate-on' : ''}`} data-testid="cemetery-candidate">
            <button className="cem-candidate-main" onClick={() => show(k)} title={c('show')}>
              <b>{k.fullName}</b>
              {k.birthYear !== null && <span> · {c('born', { y: k.birthYear })}</span>}
              <div className="cem-muted">{[k.hometown, k.unit, k.deathDate].filter(Boolean).join(' · ')}</div>
              <div className="cem-place">
                {k.cemeteryName}
                {k.cemeteryName ? ' · ' : ''}
                {k.place || c('noPlot')}
              </div>
            </button>
            {k.plotId && (
              <div className="cem-candidate-actions">
                <button className="btn" disabled={printing !== null} onClick={() => void print(k)} title={c('locator.title')} data-testid="cemetery-locator">
                  {c('locator')}
                </button>
                {printed?.martyrId === k.martyrId && (
                  <a className="btn btn-primary" href={getClient().binUrl(`prints/${printed.fileName}`)} download={printed.fileName} data-testid="cemetery-locator-link">
                    {c('locator.open', { name: printed.fileName })}
                  </a>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
