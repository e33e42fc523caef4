// Run inside a worker by grid-bounds.test.ts (see tests/support/call-in-worker.ts): a sheet whose
// area is a drawn extent far out, its answer made cloneable.
import { compose } from '../../../src/shared/print';
import { BoxIndex } from '../../../src/shared/print/collisions';
import { fixture } from './fixture';

export function composeAt(x: number, y: number, size: number, scale: number): { ok: boolean; gridLabels: number; message: string } {
  try {
    const { list } = compose(fixture(), { paper: 'A3', area: { kind: 'extent', extent: [x, y, x + size, y + size] }, scale });
    return { ok: true, gridLabels: list.items.filter((i) => i.kind === 'text' && i.role === 'grid-label').length, message: '' };
  } catch (e) {
    return { ok: false, gridLabels: 0, message: e instanceof Error ? `${e.message}` : String(e) };
  }
}

/** A BoxIndex holding one enormous box and a small one: what a small box near each one hits. */
export function boxIndexWithHugeBox(size: number): boolean[] {
  const taken = new BoxIndex(10);
  taken.add([0, 0, size, size]);
  taken.add([-50, -50, -40, -40]);
  return [taken.hits([100, 100, 110, 110]), taken.hits([-45, -45, -44, -44]), taken.hits([-500, -500, -490, -490])];
}
