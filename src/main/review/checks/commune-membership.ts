// A feature outside its commune, or an area crossing the commune boundary. A feature exactly on the
// boundary is inside ("covers" counts the boundary): boundaries are where survey points often sit.
import type { FindingInput } from '../../../shared/review/finding';
import { COMMUNE_FEATURE_TABLES, communeOf, finding, geosOf, key, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

export function checkCommuneMembership(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  const { geos } = env;
  for (const table of COMMUNE_FEATURE_TABLES) {
    for (const row of rowsOf(env, table)) {
      if (!row.geometry || env.badGeometry.has(key(row.table, row.id))) continue;
      const code = communeOf(row);
      if (!code) {
        // Base points (settlements, seats) may legitimately belong to no commune map.
        if (table === 'base_points') continue;
        out.push(
          finding(
            'commune.unassigned',
            row,
            `${label(row)} không thuộc xã nào của dự án (nằm ngoài mọi ranh giới xã): kiểm tra lại tọa độ, hoặc bổ sung ranh giới xã.`,
            `${labelEn(row)} belongs to no commune of the project (outside every commune boundary): check its coordinates, or add the commune's boundary.`,
          ),
        );
        continue;
      }
      const commune = env.communes.get(code);
      if (!commune) continue; // reported once by base.no_boundary
      let verdict: 'inside' | 'crosses' | 'outside';
      if (row.geometry.type === 'Point') {
        const [x, y] = row.geometry.coordinates;
        verdict = geos.coversXY(commune.prepared, x, y) ? 'inside' : 'outside';
      } else {
        const g = geosOf(env, row);
        verdict = geos.covers(commune.prepared, g) ? 'inside' : geos.intersects(commune.prepared, g) ? 'crosses' : 'outside';
      }
      const name = String(commune.row.props.name ?? code);
      if (verdict === 'crosses')
        out.push(
          finding(
            'commune.crosses',
            row,
            `${label(row)} cắt qua ranh giới xã ${name}.`,
            `${labelEn(row)} crosses the boundary of ${name}.`,
          ),
        );
      else if (verdict === 'outside')
        out.push(finding('commune.outside', row, `${label(row)} nằm ngoài xã ${name}.`, `${labelEn(row)} lies outside ${name}.`));
    }
  }
  return out;
}
