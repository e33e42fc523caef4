import { describe, expect, it } from 'vitest';
import { sheetName50k } from '../../../src/shared/crs/sheetName';

describe('sheetName50k (best effort; rule not confirmed against an official index)', () => {
  it('names Krông Nô D-48-132-D and Hà Nội F-48-104-…, the sheet usually cited for the capital', () => {
    expect(sheetName50k(107.85, 12.4)).toBe('D-48-132-D');
    expect(sheetName50k(105.85, 21.03)).toBe('F-48-104-D');
  });

  it('numbers the 144 1:100,000 sheets (20′ × 30′) from the north-west, quadrants A B / C D', () => {
    // Sheet D-48: 12–16°N, 102–108°E on VN-2000; points kept ~5 km inside cell edges so the
    // ~200 m datum shift cannot move them across.
    expect(sheetName50k(102.05, 15.95)).toBe('D-48-1-A');
    expect(sheetName50k(107.95, 15.95)).toBe('D-48-12-B');
    expect(sheetName50k(102.05, 12.05)).toBe('D-48-133-C');
    expect(sheetName50k(107.95, 12.05)).toBe('D-48-144-D');
    expect(sheetName50k(102.4, 15.8)).toBe('D-48-1-D');
    expect(sheetName50k(109.2, 12.25)).toBe('D-49-135-A');
  });

  it('returns undefined where the rule does not apply', () => {
    expect(sheetName50k(-70, -33)).toBeUndefined();
    expect(sheetName50k(Number.NaN, 10)).toBeUndefined();
  });
});
