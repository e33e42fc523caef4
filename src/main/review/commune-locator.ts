// The commune a feature belongs to, from its geometry: the commune boundary that covers the point
// (a point on the line between two communes goes to the first, units in force first), or the one
// that holds most of the area. GEOS prepared boundaries, boxes first: an import of 40,000 graves
// asks GEOS about the one or two communes whose box holds each point.
import { geometryExtent, type Extent, type Geometry, type Row } from '../../shared/model';
import type { Geos, GeomPtr, PreparedPtr } from './geos';

interface Unit {
  code: string;
  ptr: GeomPtr;
  prepared: PreparedPtr;
  extent: Extent;
}

const boxesMeet = (a: Extent, b: Extent) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export class CommuneLocator {
  private readonly units: Unit[] = [];

  /** `units`: code → boundary row, in order of preference (communeUnits gives them so). */
  constructor(
    private readonly geos: Geos,
    units: ReadonlyMap<string, Row>,
  ) {
    for (const [code, row] of units) {
      let ptr: GeomPtr | null = null;
      try {
        ptr = geos.read(row.geometry!);
        this.units.push({ code, ptr, prepared: geos.prepareGeometry(ptr), extent: geometryExtent(row.geometry!) });
      } catch {
        // A boundary GEOS cannot read holds nothing; the review reports it (geometry checks).
        if (ptr) geos.destroy(ptr);
      }
    }
  }

  /** Whether the project has a (readable) boundary for this commune. */
  has(code: string): boolean {
    return this.units.some((u) => u.code === code);
  }

  /** The commune's code, or null when the geometry lies outside every commune. */
  locate(g: Geometry): string | null {
    const box = geometryExtent(g);
    const near = this.units.filter((u) => boxesMeet(u.extent, box));
    if (near.length === 0) return null;
    if (g.type === 'Point') {
      const [x, y] = g.coordinates;
      return near.find((u) => this.geos.coversXY(u.prepared, x!, y!))?.code ?? null;
    }
    let ptr: GeomPtr;
    try {
      ptr = this.geos.read(g);
    } catch {
      return null; // unreadable: the store refuses it or the review reports it
    }
    try {
      for (const u of near) if (this.geos.covers(u.prepared, ptr)) return u.code;
      // Across a boundary: the commune with the largest share of the area (a line: the first it meets).
      let best: string | null = null;
      let most = 0;
      for (const u of near) {
        if (!this.geos.intersects(u.prepared, ptr)) continue;
        const a = this.geos.intersectionArea(u.ptr, ptr);
        if (best === null || a > most) {
          best = u.code;
          most = a;
        }
      }
      return best;
    } finally {
      this.geos.destroy(ptr);
    }
  }

  dispose(): void {
    for (const u of this.units) {
      this.geos.destroyPrepared(u.prepared);
      this.geos.destroy(u.ptr);
    }
    this.units.length = 0;
  }
}
