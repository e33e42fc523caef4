// Under the preview: every name the composer could not place on the sheet, so whoever prints it
// knows which names are missing before the sheet goes to the reviewers.
import type { Output } from '../../shared/api';
import { useI18n } from '../i18n';
import './dropped-labels.css';

type Dropped = Output<'print.compose'>['report']['droppedLabels'];

/** What kind of name each class gives, said in the list (the class key itself means nothing to a reader). */
const KIND: Record<string, [string, string]> = {
  search_areas: ['khu vực', 'search area'],
  admin_units: ['đơn vị hành chính', 'administrative unit'],
  base_points: ['điểm', 'point'],
  base_lines: ['đường', 'line'],
  base_areas: ['vùng', 'area'],
  graves: ['mộ', 'grave'],
  cemeteries: ['nghĩa trang', 'cemetery'],
  info_points: ['điểm thông tin', 'information point'],
};

export function DroppedLabels({ dropped }: { dropped: Dropped }) {
  const { lang } = useI18n();
  if (!dropped.length) return null;
  const en = lang === 'en';
  const kind = (d: Dropped[number]) => KIND[d.table]?.[en ? 1 : 0] ?? d.table;
  return (
    <details className="print-dropped" data-testid="print-dropped">
      <summary>
        {en ? `${dropped.length} label(s) could not be placed: ` : `${dropped.length} nhãn không đặt được: `}
        {dropped
          .slice(0, 3)
          .map((d) => d.text)
          .join(', ')}
        {dropped.length > 3 ? ', …' : ''}
      </summary>
      <ul>
        {dropped.map((d) => (
          <li key={`${d.table}:${d.id}`} title={d.classKey}>
            {d.text} <span className="print-dropped-kind">({kind(d)})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
