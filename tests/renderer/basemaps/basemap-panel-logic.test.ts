// The base-map panel's arithmetic: a file goes up in pieces (an empty one too), the progress and
// sizes shown, a row moved one place, the zoom-to box clamped to Vietnam's neighbourhood, opacity
// saved once the slider rests.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/api';
import { boxCorners, jobPercent, movedIds, saveDelay, sizeText, toBase64, uploadPieces, zoomBox } from '../../../src/renderer/basemaps/panel/basemap-panel-logic';

describe('base-map upload', () => {
  it('pieces cover the file once, the last one marked; an empty file is one piece', () => {
    expect(uploadPieces(0, 100)).toEqual([{ at: 0, last: true, pct: 0 }]);
    expect(uploadPieces(100, 100)).toEqual([{ at: 0, last: true, pct: 0 }]);
    expect(uploadPieces(250, 100)).toEqual([
      { at: 0, last: false, pct: 0 },
      { at: 100, last: false, pct: 40 },
      { at: 200, last: true, pct: 80 },
    ]);
  });

  it('base64 of bytes beyond one 32 KiB slice matches Node’s', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('sizes in KB (at least 1) or MB', () => {
    expect(sizeText(10)).toBe('1 KB');
    expect(sizeText(300 * 1024)).toBe('300 KB');
    expect(sizeText(5.25 * 1024 * 1024)).toBe('5.3 MB');
  });

  it('the add job’s percentage, 0 before it counts', () => {
    expect(jobPercent(null)).toBe(0);
    expect(jobPercent({ done: 0, total: 0 } as Job)).toBe(0);
    expect(jobPercent({ done: 2, total: 3 } as Job)).toBe(66);
  });
});

describe('base-map rows', () => {
  it('a row moves one place up or down, not past the ends', () => {
    expect(movedIds(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedIds(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedIds(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(movedIds(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(movedIds(['a'], 'gone', 1)).toBeNull();
  });

  it('zoom-to keeps to Vietnam’s neighbourhood; a map wholly elsewhere is not zoomed to', () => {
    expect(zoomBox([107.5, 12.2, 108, 12.6])).toEqual([107.5, 12.2, 108, 12.6]);
    expect(zoomBox([-180, -85, 180, 85])).toEqual([95, 0, 120, 28]);
    expect(zoomBox([2, 48, 3, 49])).toBeNull();
    expect(boxCorners([1, 2, 3, 4])).toEqual([
      [1, 2],
      [3, 4],
      [1, 4],
      [3, 2],
    ]);
  });

  it('opacity waits for the slider to rest; visibility is saved at once', () => {
    expect(saveDelay({ opacity: 0.5 })).toBe(250);
    expect(saveDelay({ visible: false })).toBe(0);
  });
});
