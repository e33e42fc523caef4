// The one open project, its file and its write rules: opening, describing and closing it are
// one piece of state, kept here so that createServices (index.ts) only wires the pieces together.
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { Operator, Output } from '../../shared/api';
import { CATALOGUE } from '../../shared/crs/catalogue';
import { geometryExtent, type Extent, type TableName } from '../../shared/model';
import { MAP_READ_WHOLE_UP_TO } from '../../shared/contract/map-layer';
import { jsonText } from '../rpc/json-text';
import { ProjectStore } from '../store';
import type { Geos } from '../review/geos';
import { installWriteRules } from '../review/write-rules';
import type { ProjectPaths } from './projects';

export interface OpenProjectDeps {
  paths: ProjectPaths;
  operator: () => Operator | null;
  geos: Geos;
  /** The idle checkpoint's timer, stopped before the project is closed. */
  cancelIdle: () => void;
}

export class OpenProject {
  store: ProjectStore | null = null;
  path: string | null = null;
  /**
   * Why the project opened last could not be opened at start: told to the first project.info (the
   * page's first request, so the page shows it), then the start screen as usual. Never replaced by
   * opening another project (the demo, a backup) on the user's behalf.
   */
  startupError: ApiError | null = null;
  private disposeRules: (() => void) | null = null;

  constructor(private readonly deps: OpenProjectDeps) {}

  need(): ProjectStore {
    if (!this.store) throw new ApiError('no_project', 'Chưa mở dự án nào.', 'No project is open.');
    return this.store;
  }

  info(): Output<'project.info'> {
    const s = this.need();
    const info = s.info();
    const def = CATALOGUE.find((c) => c.code === info.crs.code);
    return {
      path: this.path!,
      fileName: basename(this.path!),
      schemaVersion: info.schemaVersion,
      crs: {
        code: info.crs.code,
        name: def?.name ?? info.crs.name,
        nameEn: def?.nameEn ?? info.crs.name,
        proj4: def?.proj4 ?? '',
        kind: 'projected',
      },
      settings: info.settings,
      layers: info.layers,
      extent: workingExtent(s) ?? info.extent,
      readOnly: s.readOnly,
    };
  }

  open(path: string): Output<'project.info'> {
    const next = ProjectStore.open(path);
    // The one place the rules on writes are attached: every write path reaches the store's writer.
    const dispose = installWriteRules(next, { operator: this.deps.operator, geos: this.deps.geos });
    this.close(); // the project left behind is whole in its own file
    this.disposeRules = dispose;
    this.store = next;
    this.path = path;
    this.deps.paths.remember(path);
    const info = this.info();
    this.prepareMapReads(next, info.layers);
    return info;
  }

  /** Closes the open project: ProjectStore.close checkpoints the WAL into the file and releases it. */
  close(): void {
    this.deps.cancelIdle();
    this.store?.close();
    this.store = null;
    this.path = null;
    this.disposeRules?.();
    this.disposeRules = null;
  }

  /**
   * The map's whole-table reads, prepared while the page starts (the store keeps them until the
   * next write, the JSON text with them): the largest first, one table per turn of the event loop
   * so that requests arriving meanwhile are answered between them.
   */
  private prepareMapReads(s: ProjectStore, layers: readonly { table: TableName; count: number }[]) {
    const tables = layers
      .filter((l) => l.count > 0 && l.count <= MAP_READ_WHOLE_UP_TO)
      .sort((a, b) => b.count - a.count)
      .map((l) => l.table);
    const next = () => {
      const table = tables.shift();
      if (!table || this.store !== s) return;
      try {
        jsonText(s.mapLayer(table));
      } catch {
        return; // the page's own read will say what is wrong
      }
      setImmediate(next);
    };
    setImmediate(next);
  }
}

/** Where the work is: the project's communes (a province outline would make them specks). */
function workingExtent(s: ProjectStore): Extent | null {
  const codes = s.getSettings().communes.map((c) => c.code).filter(Boolean);
  if (codes.length === 0) return null;
  const rows = s.query('admin_units', { filter: { level: 'commune', code: codes }, limit: 1000 }).rows;
  const boxes = rows.filter((r) => r.geometry).map((r) => geometryExtent(r.geometry!));
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
