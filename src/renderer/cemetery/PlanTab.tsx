// The plan's grid tool: origin and row direction from two clicks on the map (or typed), rows ×
// plots, sizes and numbering; one request makes every plot (one edit, undone as one). The gate is
// one more click.
import { type RefObject, useState } from 'react';
import { useApi, useErrorToast, useToast } from '../components/common';
import type { MapController } from '../map/MapController';
import { useCemeteryT } from './dict';
import { type CemeteryItem, CemeteryPicker } from './useCemeteries';

type Picking = null | 'origin' | 'direction' | 'gate';

const num = (s: string) => Number(s.replace(',', '.'));

export function PlanTab({ cemeteries, ctl }: { cemeteries: CemeteryItem[]; ctl: RefObject<MapController | null> }) {
  const c = useCemeteryT();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [cemeteryId, setCemeteryId] = useState(cemeteries[0]?.id ?? '');
  const [f, setF] = useState({ x: '', y: '', azimuth: '90', rows: '10', plots: '20', width: '1.2', depth: '2.4', plotGap: '0.8', rowGap: '1.6', section: 'A', firstRow: '1', firstPlot: '1' });
  const [side, setSide] = useState<'right' | 'left'>('right');
  const [continuous, setContinuous] = useState(false);
  const [picking, setPicking] = useState<Picking>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((o) => ({ ...o, [k]: e.target.value }));

  /** The next click on the map, in the working CRS. */
  const nextClick = () =>
    new Promise<number[]>((resolve) => {
      ctl.current?.map.once('singleclick', (e) => resolve(e.coordinate));
    });
  const pickGrid = async () => {
    setPicking('origin');
    const o = await nextClick();
    setPicking('direction');
    const d = await nextClick();
    setPicking(null);
    const az = ((Math.atan2(d[0]! - o[0]!, d[1]! - o[1]!) * 180) / Math.PI + 360) % 360;
    setF((v) => ({ ...v, x: o[1]!.toFixed(2), y: o[0]!.toFixed(2), azimuth: az.toFixed(1) }));
  };
  const pickGate = async () => {
    if (!cemeteryId) return;
    setPicking('gate');
    const g = await nextClick();
    setPicking(null);
    try {
      await api.invoke('cemetery.setGate', { cemeteryId, point: [g[0]!, g[1]!] });
      toast(c('plan.gateDone'), 'success');
    } catch (e) {
      showError(e);
    }
  };
  const total = Math.max(0, Math.trunc(num(f.rows)) * Math.trunc(num(f.plots))) || 0;
  const generate = async () => {
    setBusy(true);
    try {
      const r = await api.invoke('cemetery.generatePlots', {
        cemeteryId,
        grid: {
          // X is the northing, Y the easting (as Vietnamese surveys write them); the map's order is (easting, northing).
          origin: [num(f.y), num(f.x)],
          azimuthDeg: num(f.azimuth),
          rows: num(f.rows),
          plotsPerRow: num(f.plots),
          plotWidth: num(f.width),
          plotDepth: num(f.depth),
          plotGap: num(f.plotGap),
          rowGap: num(f.rowGap),
          side,
          section: f.section,
          firstRow: num(f.firstRow),
          firstPlot: num(f.firstPlot),
          numbering: continuous ? 'continuous' : 'per_row',
        },
      });
      toast(c('plan.generated', { n: r.count }), 'success');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!cemeteries.length) return <p className="cem-muted">{c('cemetery.none')}</p>;
  const field = (k: keyof typeof f, label: string, testId?: string) => (
    <label className="cem-field">
      <span>{label}</span>
      <input value={f[k]} onChange={set(k)} inputMode="decimal" data-testid={testId ?? `cemetery-grid-${k}`} />
    </label>
  );
  return (
    <div className="cem-plan">
      <CemeteryPicker cemeteries={cemeteries} value={cemeteryId} onChange={setCemeteryId} label={c('cemetery.choose')} />
      <button className="btn" onClick={() => void pickGrid()} disabled={picking !== null} data-testid="cemetery-grid-pick">
        {c('plan.pick')}
      </button>
      {picking && (
        <div className="cem-picking" role="status">
          {c(picking === 'origin' ? 'plan.pickOrigin' : picking === 'direction' ? 'plan.pickDirection' : 'plan.gatePick')}
        </div>
      )}
      <div className="cem-grid">
        <div className="cem-label">{c('plan.origin')}</div>
        <div className="cem-pair">
          {field('x', 'X')}
          {field('y', 'Y')}
        </div>
        {field('azimuth', c('plan.azimuth'))}
        <div className="cem-pair">
          {field('rows', c('plan.rows'))}
          {field('plots', c('plan.plots'))}
        </div>
        <div className="cem-pair">
          {field('width', c('plan.width'))}
          {field('depth', c('plan.depth'))}
        </div>
        <div className="cem-pair">
          {field('plotGap', c('plan.plotGap'))}
          {field('rowGap', c('plan.rowGap'))}
        </div>
        <div className="cem-pair">
          {field('section', c('plan.section'))}
          {field('firstRow', c('plan.firstRow'))}
          {field('firstPlot', c('plan.firstPlot'))}
        </div>
        <label className="cem-field">
          <span>{c('plan.side')}</span>
          <select value={side} onChange={(e) => setSide(e.target.value as 'right' | 'left')}>
            <option value="right">{c('plan.right')}</option>
            <option value="left">{c('plan.left')}</option>
          </select>
        </label>
        <label className="cem-check">
          <input type="checkbox" checked={continuous} onChange={(e) => setContinuous(e.target.checked)} /> {c('plan.continuous')}
        </label>
      </div>
      <div className="cem-actions">
        <button className="btn btn-primary" disabled={busy || !cemeteryId || !f.x || !f.y || !total} onClick={() => void generate()} data-testid="cemetery-grid-generate">
          {c('plan.generate', { n: total })}
        </button>
        <button className="btn" disabled={picking !== null || !cemeteryId} onClick={() => void pickGate()} data-testid="cemetery-gate">
          {c('plan.gate')}
        </button>
      </div>
    </div>
  );
}
