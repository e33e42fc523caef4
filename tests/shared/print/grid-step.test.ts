// A sheet's grid interval chosen by the user (`quytap print --grid-step`, the peers' 1 km grid at
// 1:65,000) instead of the one the scale picks.
import { describe, expect, it } from 'vitest';
import { compose, type TextItem } from '../../../src/shared/print';
import { fixture } from './fixture';

const gridLabels = (items: { kind: string; role?: string }[]) => items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'grid-label');

describe('grid interval', () => {
  it('by scale unless given: 1:65,000 draws 5 km, or 1 km when asked, and the notes say which', () => {
    const area = { kind: 'all' as const };
    const auto = compose(fixture(), { paper: 'A0', orientation: 'portrait', area, scale: 65000, gridLabelStyle: 'm' });
    const km = compose(fixture(), { paper: 'A0', orientation: 'portrait', area, scale: 65000, gridLabelStyle: 'm', gridStepM: 1000 });
    expect(auto.report.gridStepM).toBe(5000);
    expect(km.report.gridStepM).toBe(1000);
    // Every label a whole kilometre, and more of them than at 5 km.
    const values = gridLabels(km.list.items).map((t) => Number(t.text));
    expect(values.length).toBeGreaterThan(gridLabels(auto.list.items).length * 3);
    for (const v of values) expect(v % 1000).toBe(0);
    expect(values.some((v) => v % 5000 !== 0)).toBe(true);
    const notes = (r: typeof km) => r.list.items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'note').map((t) => t.text).join(' ');
    expect(notes(km)).toContain('Lưới km: 1 km');
    expect(notes(auto)).toContain('Lưới km: 5 km');
  });

  it('an interval out of range is refused', () => {
    expect(() => compose(fixture(), { area: { kind: 'all' }, gridStepM: 10 })).toThrow();
  });
});
