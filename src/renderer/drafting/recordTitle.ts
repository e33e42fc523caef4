import type { Row } from '../../shared/model/rows';

/** The words a person recognises a row by, per table. */
export function recordTitle(r: Pick<Row, 'table' | 'props'>): string {
  const p = r.props;
  switch (r.table) {
    case 'martyrs':
      return [p.full_name, p.birth_year, p.hometown].filter((x) => x !== null && x !== undefined && x !== '').join(' · ');
    case 'info_forms':
      return `Phiếu số ${String(p.number ?? '?')} · ${String(p.informant_name ?? '')}`;
    case 'conclusions':
      return `${String(p.unit_name ?? '')} · ${String(p.date ?? '')}`;
    default:
      return String(p.name ?? p.code ?? p.filename ?? '') || '—';
  }
}
