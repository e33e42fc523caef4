// The rows of one features.map answer, ready to draw without OpenLayers features. Building 45,000
// Features (BaseObjects with listeners, an rbush entry and an `addfeature` event each) took ~0.8 s
// of a 3.4 s first render, and the style function per feature and tile was most of a tile's cost;
// tiles need only where each row is and which class it is drawn as. So a tiled layer draws from
// here (TiledVectorLayer's rows) while the Features are built in slices behind it, and goes on
// drawing from here until a feature changes in the page (the drafting tools): a saved edit reads
// the table again into new rows.
import Flatbush from 'flatbush';
import type { FeatureLike } from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import type { Style } from 'ol/style';
import { columnReader, MAP_GEOM, readGeometryAt, type FlatGeometry, type MapLayer } from '../../shared/contract/map-layer-format';
import type { PropValue, Props } from '../../shared/model/rows';
import { CLASS_FIELD, type FeatureTableName } from '../../shared/symbology';
import { olGeometry } from './mapFeatures';
import { styleClassOf } from './olStyle';

export type RowStyleFunction = (feature: FeatureLike, resolution: number) => Style | Style[] | undefined;

/**
 * One row seen through the few Feature methods the style functions and OpenLayers' immediate
 * renderer call (get, getGeometry, getProperties, getId). Not a Feature: nothing listens to it.
 */
export class RowFeature {
  constructor(
    private readonly table: FlatTable,
    readonly index: number,
  ) {}
  get(key: string): PropValue | undefined {
    return this.table.value(key, this.index);
  }
  getGeometry(): Geometry | undefined {
    return this.table.geometry(this.index) ?? undefined;
  }
  getProperties(): Props {
    return this.table.props(this.index);
  }
  getId(): string {
    return this.table.layer.ids[this.index]!;
  }
}

export class FlatTable {
  readonly n: number;
  /** Each row's geometry type (MAP_GEOM) and where its coordinates start in layer.geom.xy. */
  readonly types: Uint8Array;
  readonly xyAt: Uint32Array;
  private readonly partsAt: Uint32Array;
  /** Each row's box (minX, minY, maxX, maxY); NaN for a row without a geometry. */
  readonly boxes: Float64Array;
  private readonly flats: (FlatGeometry | null | undefined)[];
  private readonly ol: (Geometry | undefined)[];
  private readonly rowFeatures: (RowFeature | undefined)[];
  private readonly readers = new Map<string, (k: number) => PropValue>();
  private readonly index: Flatbush | null;
  /** Index entry → row (rows without a geometry are not in the index). */
  private readonly indexed: Uint32Array;
  /** Each row's style group (its class and whether it is a point) and one row of each group. */
  private readonly group: Uint16Array;
  private readonly groupRow: number[] = [];
  private styleResolution = NaN;
  private groupStyles: (Style[] | null | undefined)[] = [];

  constructor(
    readonly layer: MapLayer,
    readonly tableName: FeatureTableName,
  ) {
    const n = (this.n = layer.ids.length);
    const { types, xy, parts } = layer.geom;
    if (types.length !== n) throw new Error(`features.map: ${types.length} geometries for ${n} rows`);
    this.types = Uint8Array.from(types);
    this.xyAt = new Uint32Array(n);
    this.partsAt = new Uint32Array(n);
    this.boxes = new Float64Array(n * 4).fill(NaN);
    this.flats = new Array(n);
    this.ol = new Array(n);
    this.rowFeatures = new Array(n);
    for (const [name, column] of Object.entries(layer.props)) this.readers.set(name, columnReader(column));

    // Where each row's coordinates are, and its box; a point is read in place, anything else once.
    const at = { p: 0, c: 0 };
    const rows: number[] = [];
    for (let k = 0; k < n; k++) {
      this.xyAt[k] = at.c;
      this.partsAt[k] = at.p;
      let from = at.c;
      if (types[k] === MAP_GEOM.Point) {
        if (at.c + 2 > xy.length) throw new Error('features.map: coordinates end early');
        at.c += 2;
      } else {
        const g = readGeometryAt(layer.geom, k, at);
        this.flats[k] = g;
        if (!g) continue;
        from = at.c - g.flat.length;
      }
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = from; i < at.c; i += 2) {
        const x = xy[i]!;
        const y = xy[i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      if (!(minX <= maxX && minY <= maxY)) continue;
      this.boxes[k * 4] = minX;
      this.boxes[k * 4 + 1] = minY;
      this.boxes[k * 4 + 2] = maxX;
      this.boxes[k * 4 + 3] = maxY;
      rows.push(k);
    }
    if (at.c !== xy.length || at.p !== parts.length) throw new Error('features.map: coordinates left over');
    this.indexed = Uint32Array.from(rows);
    if (rows.length) {
      this.index = new Flatbush(rows.length);
      const b = this.boxes;
      for (const k of rows) this.index.add(b[k * 4]!, b[k * 4 + 1]!, b[k * 4 + 2]!, b[k * 4 + 3]!);
      this.index.finish();
    } else this.index = null;

    // The geometry style function reads a feature's class and whether it is a point, nothing else
    // (olStyle.ts: cachedSpec, geometryStyles): one call per group and resolution serves every row.
    // The class is worked out once per distinct pair of the two values styleClassOf reads.
    this.group = new Uint16Array(n);
    const groups = new Map<string, number>();
    const byValues = new Map<PropValue | undefined, Map<PropValue | undefined, string>>();
    const probe = { k: 0, get: (key: string) => this.value(key, probe.k) };
    const classField = this.readers.get(CLASS_FIELD[tableName].field);
    const validTo = this.readers.get('valid_to');
    for (let k = 0; k < n; k++) {
      if (this.types[k] === MAP_GEOM.none) continue;
      const v = classField?.(k);
      const w = validTo?.(k);
      let inner = byValues.get(v);
      if (!inner) byValues.set(v, (inner = new Map()));
      let cls = inner.get(w);
      if (cls === undefined) {
        probe.k = k;
        inner.set(w, (cls = styleClassOf(tableName, probe)));
      }
      const key = `${cls}|${this.types[k] === MAP_GEOM.Point ? 'p' : 'g'}`;
      let id = groups.get(key);
      if (id === undefined) {
        id = groups.size;
        groups.set(key, id);
        this.groupRow.push(k);
      }
      this.group[k] = id;
    }
  }

  value(key: string, k: number): PropValue | undefined {
    const r = this.readers.get(key);
    return r ? r(k) : undefined;
  }

  props(k: number): Props {
    const out: Props = {};
    for (const [name, r] of this.readers) out[name] = r(k);
    return out;
  }

  /** The row's geometry in the flat layout (null: none). */
  flat(k: number): FlatGeometry | null {
    let f = this.flats[k];
    if (f === undefined) {
      const c = this.xyAt[k]!;
      f = this.flats[k] =
        this.types[k] === MAP_GEOM.Point ? { type: 'Point', flat: this.layer.geom.xy.slice(c, c + 2) } : readGeometryAt(this.layer.geom, k, { p: this.partsAt[k]!, c });
    }
    return f;
  }

  /** The row's OpenLayers geometry, made on first use and handed on to its Feature later. */
  geometry(k: number): Geometry | null {
    let g = this.ol[k];
    if (g === undefined) {
      const f = this.flat(k);
      if (!f) return null;
      g = this.ol[k] = olGeometry(f);
    }
    return g;
  }

  feature(k: number): RowFeature {
    return (this.rowFeatures[k] ??= new RowFeature(this, k));
  }

  /** Rows whose geometry's box meets the extent, in row order (the order features are drawn in). */
  search(extent: readonly number[]): Uint32Array {
    if (!this.index) return new Uint32Array(0);
    const hits = this.index.search(extent[0]!, extent[1]!, extent[2]!, extent[3]!);
    const out = new Uint32Array(hits.length);
    for (let i = 0; i < hits.length; i++) out[i] = this.indexed[hits[i]!]!;
    return out.sort();
  }

  /** The row's styles at a resolution, from the one call made for its group. */
  stylesAt(k: number, style: RowStyleFunction, resolution: number): Style[] | null {
    if (resolution !== this.styleResolution) {
      this.styleResolution = resolution;
      this.groupStyles = [];
    }
    const gi = this.group[k]!;
    let s = this.groupStyles[gi];
    if (s === undefined) {
      const st = style(this.feature(this.groupRow[gi]!) as unknown as FeatureLike, resolution);
      s = this.groupStyles[gi] = st ? (Array.isArray(st) ? st : [st]) : null;
    }
    return s;
  }

  /** Forget the styles worked out so far (the style function changed). */
  restyle(): void {
    this.styleResolution = NaN;
    this.groupStyles = [];
  }
}
