// The raster base maps under the vector layers: MBTiles pyramids (EPSG:3857 tiles read from
// /bin/basemaps/<id>/z/x/y), GeoTIFFs (read by range from /bin/basemaps/<id>/file.tif by
// ol/source/GeoTIFF) and the optional online XYZ layer (through main's caching proxy). OpenLayers
// reprojects them into the working CRS; each raster CRS is registered with proj4 first.
import type OlMap from 'ol/Map';
import TileLayer from 'ol/layer/Tile';
import LayerGroup from 'ol/layer/Group';
import XYZ from 'ol/source/XYZ';
import { register } from 'ol/proj/proj4';
import { get as getProjection } from 'ol/proj';
import { createXYZ } from 'ol/tilegrid';
import proj4 from 'proj4';
import type BaseLayer from 'ol/layer/Base';
import Attribution from 'ol/control/Attribution';
import type { Basemap, OnlineBasemap } from '../../shared/contract/basemap';

/**
 * GeoTIFF display (ol/source/GeoTIFF, geotiff.js, WebGL tiles) is a third of the page's code and
 * most projects open without one: it is loaded when the first GeoTIFF base map is shown, so a
 * cold start does not parse it.
 */
let geotiffLayers: Promise<typeof import('./geotiff-layer')> | null = null;
const loadGeotiffLayers = () => (geotiffLayers ??= import('./geotiff-layer'));

/** Below every vector layer (those start at zIndex 0); the online layer lowest of all. */
const TOP_Z = -10;
const ONLINE_Z = -10_000;

export interface BasemapLayerEvents {
  /** A tile of this layer failed to load (the panel then asks main why, e.g. offline). */
  onTileError(id: string): void;
}

interface Entry {
  key: string;
  layer: BaseLayer;
}

function ensureProjection(code: string, def: string): void {
  if (getProjection(code)) return;
  proj4.defs(code, def);
  register(proj4);
}

/** A GeoTIFF's group still waiting for its code must not take the raster layer afterwards. */
function disposeLayer(layer: BaseLayer): void {
  layer.set('disposed', true);
  // A group lets go of its layers without disposing them (a WebGL layer holds a GL context).
  if (layer instanceof LayerGroup) for (const l of layer.getLayers().getArray()) l.dispose();
  layer.dispose();
}

/** What must be rebuilt when it changes (visibility, opacity and order are only set). */
const keyOf = (b: Basemap) => `${b.id}|${b.path}|${b.crs.code}|${JSON.stringify(b.stats)}|${b.palette?.length ?? 0}`;

export class BasemapLayers {
  private readonly entries = new Map<string, Entry>();
  /** Shown only while the online layer is on: its tiles' licence asks for the credit on the map. */
  private attribution: Attribution | null = null;

  constructor(
    private readonly map: OlMap,
    private readonly binUrl: (path: string) => string,
    private readonly events: BasemapLayerEvents,
  ) {}

  /** Makes the map show exactly these base maps (first = top) and the online layer. */
  sync(items: readonly Basemap[], online: OnlineBasemap | null): void {
    const wanted = new Set<string>();
    items.forEach((b, i) => {
      wanted.add(b.id);
      let e = this.entries.get(b.id);
      if (e && e.key !== keyOf(b)) {
        this.map.removeLayer(e.layer);
        e = undefined;
      }
      if (!e) {
        e = { key: keyOf(b), layer: this.create(b) };
        this.entries.set(b.id, e);
        this.map.addLayer(e.layer);
      }
      e.layer.setZIndex(TOP_Z - i);
      e.layer.setVisible(b.visible);
      e.layer.setOpacity(b.opacity);
    });
    if (online?.enabled) {
      wanted.add('online');
      const key = `online|${online.url}`;
      let e = this.entries.get('online');
      if (e && e.key !== key) {
        this.map.removeLayer(e.layer);
        e = undefined;
      }
      if (!e) {
        e = { key, layer: this.createOnline(online) };
        this.entries.set('online', e);
        this.map.addLayer(e.layer);
      }
      e.layer.setVisible(online.visible);
      e.layer.setOpacity(online.opacity);
      if (!this.attribution) {
        this.attribution = new Attribution({ collapsible: false });
        this.map.addControl(this.attribution);
      }
    } else if (this.attribution) {
      this.map.removeControl(this.attribution);
      this.attribution = null;
    }
    for (const [id, e] of this.entries)
      if (!wanted.has(id)) {
        this.map.removeLayer(e.layer);
        disposeLayer(e.layer);
        this.entries.delete(id);
      }
  }

  layerOf(id: string): BaseLayer | undefined {
    return this.entries.get(id)?.layer;
  }

  private create(b: Basemap): BaseLayer {
    if (b.kind === 'tiles') {
      const source = new XYZ({
        projection: 'EPSG:3857',
        tileGrid: createXYZ({ maxZoom: b.maxZoom ?? 0, minZoom: b.minZoom ?? 0, tileSize: b.tileSize ?? 256 }),
        tileUrlFunction: ([z, x, y]) => this.binUrl(`basemaps/${b.id}/${z}/${x}/${y}`),
        wrapX: false,
        interpolate: true,
      });
      source.on('tileloaderror', () => this.events.onTileError(b.id));
      return new TileLayer({ source, extent: undefined, properties: { role: 'basemap', basemapId: b.id } });
    }
    ensureProjection(b.crs.code, b.crs.proj4);
    // The group takes visibility, opacity and order now; the raster layer joins it once loaded.
    const group = new LayerGroup({ properties: { role: 'basemap', basemapId: b.id } });
    loadGeotiffLayers()
      .then(({ geotiffLayer }) => {
        if (group.get('disposed')) return;
        group.getLayers().push(geotiffLayer(b, this.binUrl(b.path), () => this.events.onTileError(b.id)));
      })
      .catch(() => this.events.onTileError(b.id));
    return group;
  }

  private createOnline(o: OnlineBasemap): BaseLayer {
    const source = new XYZ({
      projection: 'EPSG:3857',
      tileUrlFunction: ([z, x, y]) => this.binUrl(`basemaps/online/${z}/${x}/${y}`),
      maxZoom: 19,
      attributions: o.attribution,
      wrapX: false,
    });
    source.on('tileloaderror', () => this.events.onTileError('online'));
    return new TileLayer({ source, zIndex: ONLINE_Z, properties: { role: 'basemap', basemapId: 'online' } });
  }

  dispose(): void {
    if (this.attribution) this.map.removeControl(this.attribution);
    this.attribution = null;
    for (const e of this.entries.values()) {
      this.map.removeLayer(e.layer);
      disposeLayer(e.layer);
    }
    this.entries.clear();
  }
}
