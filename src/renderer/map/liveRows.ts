// Edits made in any window (this one, another tab, another drafter in the hall) arrive as
// `project.changed` events naming the rows written, with their versions and extents. Only those rows
// are read again (one features.map over their extents) and put into the sources in place: the tiled
// layer then redraws the tiles they touched, before and after (TiledVectorLayer's feature events),
// instead of reading and drawing the whole table again. An event without rows (an import, a merge)
// reads its tables again whole, as before.
import type Feature from 'ol/Feature';
import type VectorSource from 'ol/source/Vector';
import type { ApiClient, EventSchemas } from '../../shared/api';
import type { z } from 'zod';
import type { Extent } from '../../shared/model/geometry';
import type { Row } from '../../shared/model/rows';
import type { FeatureTableName } from '../../shared/symbology';
import { featuresOf } from './mapFeatures';

export type ProjectChanged = z.output<(typeof EventSchemas)['project.changed']>;

export interface LiveDeps {
  /** A table the map shows, with its source; `ready` once its features are built (not while it opens). */
  table(name: string): { name: FeatureTableName; source: VectorSource; ready: boolean } | null;
  labels: { add(table: FeatureTableName, features: readonly Feature[]): void; remove(features: readonly Feature[]): void };
  /** Reads tables again whole. */
  reload(tables: readonly FeatureTableName[]): void;
  /** Rows of a table were put in place (outlines follow, the layer panel counts). */
  updated(table: FeatureTableName): void;
}

const versionOf = (f: Feature | null | undefined): number => (f?.get('__meta') as Row['meta'] | undefined)?.version ?? -1;

export class LiveRows {
  /** The newest version announced per row: an answer overtaken by a later event is not applied. */
  private readonly newest = new Map<string, number>();

  constructor(
    private readonly api: ApiClient,
    private readonly deps: LiveDeps,
  ) {}

  apply(change: ProjectChanged): Promise<void> {
    const byTable = new Map<FeatureTableName, NonNullable<ProjectChanged['rows']>>();
    const whole: FeatureTableName[] = [];
    for (const name of change.tables) {
      const t = this.deps.table(name);
      if (!t) continue;
      if (!change.rows || !t.ready) whole.push(t.name);
      else byTable.set(t.name, change.rows.filter((r) => r.table === name));
    }
    if (whole.length) this.deps.reload(whole);
    // A failed read leaves the table as the store has it only after a whole read.
    return Promise.all([...byTable].map(([table, rows]) => this.applyRows(table, rows).catch(() => this.deps.reload([table])))).then(() => undefined);
  }

  private async applyRows(table: FeatureTableName, rows: NonNullable<ProjectChanged['rows']>): Promise<void> {
    const t = this.deps.table(table)!;
    const started = performance.now();
    for (const r of rows) this.newest.set(`${table}/${r.id}`, Math.max(r.version, this.newest.get(`${table}/${r.id}`) ?? -1));
    // Deleted (or without a geometry now): out of the map at once.
    const gone = rows.filter((r) => !r.extent).map((r) => t.source.getFeatureById(r.id) as Feature | null).filter((f): f is Feature => !!f);
    for (const f of gone) t.source.removeFeature(f);
    if (gone.length) this.deps.labels.remove(gone);
    const placed = rows.filter((r) => r.extent);
    if (placed.length) {
      const bbox = union(placed.map((r) => r.extent!));
      const answer = await this.api.invoke('features.map', { table, bbox });
      const wanted = new Set(placed.map((r) => r.id));
      const added: Feature[] = [];
      for (const f of featuresOf(answer)) {
        const id = String(f.getId());
        if (!wanted.has(id)) continue; // a neighbour inside the same box: unchanged
        const v = versionOf(f);
        if (v < (this.newest.get(`${table}/${id}`) ?? -1)) continue; // a later event's read brings the newer one
        const old = t.source.getFeatureById(id) as Feature | null;
        if (!old) {
          added.push(f);
          continue;
        }
        if (versionOf(old) > v) continue;
        // In place: the same Feature keeps its selection, its label and the drafting tools' hold on it.
        const { geometry: _g, ...props } = f.getProperties();
        old.setProperties(props, true);
        old.setGeometry(f.getGeometry()); // one change event: the tiles of its old and new place
      }
      if (added.length) {
        t.source.addFeatures(added);
        this.deps.labels.add(table, added);
      }
    }
    this.deps.updated(table);
    // For tests and diagnostics: a targeted update, as opposed to quytap:read (a whole read).
    performance.measure(`quytap:live:${table}`, { start: started, end: performance.now() });
  }
}

function union(extents: readonly Extent[]): Extent {
  return [
    Math.min(...extents.map((e) => e[0])),
    Math.min(...extents.map((e) => e[1])),
    Math.max(...extents.map((e) => e[2])),
    Math.max(...extents.map((e) => e[3])),
  ];
}
