import { describe, expect, it } from 'vitest';
import { generatePlotGrid, gridProblem, type PlotGridInput } from '../../../src/shared/cemetery/grid';
import { plotKey, plotLabel, plotPart } from '../../../src/shared/cemetery/plot-key';

const BASE: PlotGridInput = { origin: [500_000, 1_400_000], azimuthDeg: 90, rows: 20, plotsPerRow: 25, plotWidth: 1.2, plotDepth: 2.4, plotGap: 0.8, rowGap: 1.5, section: 'A' };

const ringArea = (r: [number, number][]) => r.slice(0, -1).reduce((s, [x0, y0], i) => s + x0 * r[i + 1]![1] - r[i + 1]![0] * y0, 0) / 2;

describe('generatePlotGrid', () => {
  it('makes rows × plots, numbered per row, along the azimuth and rows to its right', () => {
    const g = generatePlotGrid(BASE);
    expect(g).toHaveLength(500);
    expect(new Set(g.map((p) => `${p.row}/${p.plotNumber}`)).size).toBe(500);
    const first = g[0]!;
    expect(first).toMatchObject({ section: 'A', row: '1', plotNumber: '1' });
    // azimuth 90° = east: plot 2 of row 1 is 2.0 m east of plot 1; row 2 is south (right of east) by 3.9 m
    expect(g[1]!.centre[0] - first.centre[0]).toBeCloseTo(2.0, 6);
    expect(g[1]!.centre[1]).toBeCloseTo(first.centre[1], 6);
    const row2 = g.find((p) => p.row === '2' && p.plotNumber === '1')!;
    expect(row2.centre[0]).toBeCloseTo(first.centre[0], 6);
    expect(first.centre[1] - row2.centre[1]).toBeCloseTo(3.9, 6);
    // the origin is the outer corner of plot 1; plots are 1.2 × 2.4 m rings, counter-clockwise
    expect(first.centre).toEqual([500_000.6, 1_399_998.8]);
    for (const p of g) {
      expect(p.ring).toHaveLength(5);
      expect(p.ring[0]).toEqual(p.ring[4]);
      expect(ringArea(p.ring)).toBeCloseTo(1.2 * 2.4, 3);
    }
  });

  it('turns with the azimuth, numbers on through the section, and puts rows to the left when asked', () => {
    const g = generatePlotGrid({ ...BASE, azimuthDeg: 0, rows: 2, plotsPerRow: 3, numbering: 'continuous', side: 'left', firstRow: 5 });
    expect(g.map((p) => `${p.row}-${p.plotNumber}`)).toEqual(['5-1', '5-2', '5-3', '6-4', '6-5', '6-6']);
    // north along the row; left of north is west
    expect(g[1]!.centre[1] - g[0]!.centre[1]).toBeCloseTo(2.0, 6);
    expect(g[3]!.centre[0] - g[0]!.centre[0]).toBeCloseTo(-3.9, 6);
  });

  it('refuses what it cannot draw, in words, before drawing', () => {
    expect(gridProblem({ ...BASE, rows: 0 })?.field).toBe('rows');
    expect(gridProblem({ ...BASE, rows: 200, plotsPerRow: 200 })?.vi).toContain('quá 20000');
    expect(gridProblem({ ...BASE, plotWidth: -1 })?.field).toBe('plotWidth');
    expect(gridProblem({ ...BASE, origin: [Number.NaN, 0] })?.field).toBe('origin');
    expect(() => generatePlotGrid({ ...BASE, plotsPerRow: 2.5 })).toThrow();
  });
});

describe('plot keys', () => {
  it('match however section, row and number were typed', () => {
    expect(plotPart('Hàng 03')).toBe('3');
    expect(plotPart('Khu A')).toBe('a');
    expect(plotPart('Mộ số 12')).toBe('12');
    expect(plotPart(12)).toBe('12');
    expect(plotPart('KHU')).toBe('khu');
    expect(plotKey('c', 'A', '3', '12')).toBe(plotKey('c', 'khu a', 'Hang 3', 'Mo so 012'));
    expect(plotKey('c', 'A', '3', '12')).not.toBe(plotKey('c', 'B', '3', '12'));
    expect(plotLabel('A', 3, '12')).toBe('Khu A – Hàng 3 – Mộ số 12');
  });
});
