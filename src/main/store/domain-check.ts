// The project's CRS domain, checked where every geometry is written (row-ops.ts): drawing, typed
// coordinates, imports, package merges and undo all pass there. One absurd coordinate (1e18) froze
// the review's grid walks; one beyond float32 (1e39) turned the R-tree's extent into ±Infinity and
// the project could no longer be opened. See src/shared/crs/domain.ts for the domains.
import { ApiError } from '../../shared/api-error';
import { describeDomain, describePosition, extentInsideDomain, firstOutside, type CrsDomain } from '../../shared/crs/domain';
import { TABLES, type Extent, type Geometry, type Props, type TableName } from '../../shared/model';
import { tableLabelVi } from './errors';

/** How a message names the row: its code, name or number, else a short id. */
function rowName(props: Props, id: string): string {
  const name = [props.code, props.name, props.number, props.full_name].find((v) => typeof v === 'string' && v !== '');
  return name ? `"${String(name)}"` : id.slice(0, 8);
}

export function outOfDomainError(domain: CrsDomain, table: TableName, id: string, props: Props, geometry: Geometry): ApiError {
  const at = firstOutside(domain, geometry) ?? [NaN, NaN];
  const range = describeDomain(domain);
  const pos = describePosition(domain, at);
  const who = rowName(props, id);
  return new ApiError(
    'validation',
    `Tọa độ ${pos.vi} của ${tableLabelVi(table)} ${who} nằm ngoài phạm vi của hệ tọa độ dự án ${domain.name}: ${range.vi}. ` +
      'Hãy kiểm tra lại tọa độ: có thể nhập nhầm hệ tọa độ, đảo X với Y, hoặc gõ thừa chữ số.',
    `Coordinate ${pos.en} of ${TABLES[table].en} ${who} is outside the range of the project's CRS ${domain.nameEn}: ${range.en}. ` +
      'Check it: a wrong CRS, X and Y swapped, or extra digits?',
    { table, id, at, crs: domain.code, domain: domain.box },
  );
}

/**
 * Throws when the geometry (whose envelope is `env`) leaves the domain; the envelope makes it O(1).
 * `stored` is the row's geometry before this write: a row written before the check existed may keep
 * it unchanged (a change of its fields, the undo of one), so that it can still be edited and fixed.
 */
export function checkInDomain(
  domain: CrsDomain,
  table: TableName,
  id: string,
  props: Props,
  geometry: Geometry | null,
  env: Extent | null,
  stored: Geometry | null = null,
): void {
  if (!geometry || !env || extentInsideDomain(domain, env)) return;
  // Compared only on the way to a refusal: the common case costs nothing.
  if (stored && (stored === geometry || JSON.stringify(stored) === JSON.stringify(geometry))) return;
  throw outOfDomainError(domain, table, id, props, geometry);
}
