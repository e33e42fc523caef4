// Invalid geometry: empty, unclosed or too-short rings (judged here, GEOS refuses to read them) and
// what GEOS's validity test finds (self-intersections, ring crossings, holes outside shells…).
import { FEATURE_TABLES } from '../../../shared/model';
import { describeDomain, describePosition, firstOutside } from '../../../shared/crs/domain';
import { geosReasonText } from '../../../shared/io/geos-reason';
import { ringProblem } from '../../../shared/review/rings';
import { domainOf, finding, geosOf, key, label, labelEn, rowsOf, zoomExtent, type CheckEnv } from '../check-data';
import type { FindingInput } from '../../../shared/review/finding';

const AT = /\[?\s*(-?[\d.]+(?:e[-+]?\d+)?)\s+(-?[\d.]+(?:e[-+]?\d+)?)\s*\]?\s*$/i;

export function checkGeometryValid(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  const domain = domainOf(env);
  const range = describeDomain(domain);
  for (const table of FEATURE_TABLES) {
    for (const row of rowsOf(env, table)) {
      // A village may be entered (with its households and forms) before it is drawn: the campaign
      // panel adds it without a position, and the commune's map does not show it until it has one.
      if (table === 'villages' && row.geometry === null) continue;
      // Rows written before the store checked the CRS domain: named here so the user can fix them;
      // every other geometric check skips them (their numbers mean nothing in this CRS).
      const outside = row.geometry ? firstOutside(domain, row.geometry) : null;
      if (outside) {
        env.badGeometry.add(key(row.table, row.id));
        const at = describePosition(domain, outside);
        out.push(
          finding(
            'geometry.out_of_range',
            row,
            `${label(row)}: tọa độ ${at.vi} nằm ngoài phạm vi của hệ tọa độ dự án ${domain.name}: ${range.vi}. Hãy sửa lại hoặc xóa đối tượng này.`,
            `${labelEn(row)}: coordinate ${at.en} is out of the range of the project's CRS ${domain.nameEn}: ${range.en}. Fix or delete this feature.`,
            { extent: null },
          ),
        );
        continue;
      }
      const problem = ringProblem(row.geometry);
      if (problem) {
        env.badGeometry.add(key(row.table, row.id));
        if (problem.kind === 'empty')
          out.push(
            finding(
              'geometry.empty',
              row,
              `${label(row)}: chưa có hình học hoặc hình học rỗng.`,
              `${labelEn(row)}: no geometry or an empty one.`,
            ),
          );
        else
          out.push(
            finding(
              'geometry.unclosed',
              row,
              problem.kind === 'unclosed'
                ? `${label(row)}: vòng ranh giới không khép kín (điểm cuối khác điểm đầu).`
                : `${label(row)}: vòng ranh giới có ít hơn 4 điểm.`,
              problem.kind === 'unclosed'
                ? `${labelEn(row)}: a ring is not closed (last position differs from the first).`
                : `${labelEn(row)}: a ring has fewer than 4 positions.`,
            ),
          );
        continue;
      }
      // A point with two finite numbers (the store checks that) is always valid.
      if (row.geometry!.type === 'Point') continue;
      let reason: string | null;
      try {
        reason = env.geos.invalidReason(geosOf(env, row));
      } catch {
        reason = 'unreadable';
      }
      if (reason === null) continue;
      env.badGeometry.add(key(row.table, row.id));
      const m = AT.exec(reason);
      const at = m ? [Number(m[1]), Number(m[2])] : null;
      const self = /self-intersection/i.test(reason);
      out.push(
        finding(
          'geometry.invalid',
          row,
          self
            ? `${label(row)}: ranh giới tự cắt${at ? ` tại ${at[0].toFixed(1)}, ${at[1].toFixed(1)}` : ''}.`
            : `${label(row)}: hình học không hợp lệ (${geosReasonText(reason).vi}).`,
          self
            ? `${labelEn(row)}: the outline intersects itself${at ? ` at ${at[0].toFixed(1)}, ${at[1].toFixed(1)}` : ''}.`
            : `${labelEn(row)}: invalid geometry (${geosReasonText(reason).en}).`,
          at ? { extent: zoomExtent({ type: 'Point', coordinates: at }, 30) } : {},
        ),
      );
    }
  }
  return out;
}
