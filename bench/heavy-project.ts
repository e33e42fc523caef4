// The peers' heavy sheet data (../shared/peers/make_heavy_gpkg.py, or bench/make_heavy_gpkg.py at a
// size factor) loaded into a QuyTap project: setup for the print bench, not timed.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Put } from '../src/shared/model';
import { ProjectSettingsSchema } from '../src/shared/model';
import { crsForStore } from '../src/main/services/crs';
import { ProjectStore } from '../src/main/store';

interface Feature {
  geometry: Geometry;
  properties: Record<string, string | null>;
}

/** Bench-only loader: the peers' GeoPackage (its own field names) into a QuyTap project in VN-2000 TM-3 108°30'. */
export function loadHeavy(gpkg: string, project: string, dir: string): void {
  const settings = ProjectSettingsSchema.parse({ title: 'BẢN ĐỒ THỬ TẢI NẶNG (heavy bench)', province: { name: 'Đắk Nông' } });
  const store = ProjectStore.create(project, crsForStore('EPSG:9218').store, settings, 'bench');
  const read = (layer: string): Feature[] => {
    const out = join(dir, `${layer}.geojson`);
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', out, gpkg, layer]);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: Feature[] };
    rmSync(out);
    return fc.features;
  };
  let n = 0;
  const uuid = () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  // Their grave kinds mapped to ours; their `contour` lines loaded as `other_line` (our symbology
  // hides contours below 1:50,000, and QGIS draws every line).
  const kinds: Record<string, string> = { new_found: 'newly_found', family_managed: 'family_cared' };
  const puts: Put[] = [];
  for (const f of read('graves'))
    puts.push({ table: 'graves', id: uuid(), geometry: f.geometry, props: { kind: kinds[f.properties.kind ?? ''] ?? 'unidentified', verification: 'not_verified' } });
  for (const f of read('search_areas')) puts.push({ table: 'search_areas', id: uuid(), geometry: f.geometry, props: { status: f.properties.status } });
  for (const f of read('base_lines'))
    puts.push({ table: 'base_lines', id: uuid(), geometry: f.geometry, props: { kind: f.properties.class === 'stream' ? 'stream' : 'other_line' } });
  store.applyEdit({ label: 'heavy bench data', put: puts, remove: [] }, 'bench');
  store.close();
}

if (process.argv[1]?.endsWith('heavy-project.ts') && process.argv.length === 5) loadHeavy(process.argv[2], process.argv[3], process.argv[4]);
