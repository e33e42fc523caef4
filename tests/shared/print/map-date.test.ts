// Historical sheets in the composer: the units in force on the map date keep their names, class and
// titles; units not yet in force are left off; a commune that has ended is printed as of its last day.
import { describe, expect, it } from 'vitest';
import { compose, type PrintFeature, type PrintInput, type TextItem } from '../../../src/shared/print';
import { fixture, square } from './fixture';

const texts = (r: ReturnType<typeof compose>) => r.list.items.filter((i): i is TextItem => i.kind === 'text').map((t) => t.text);

/** The fixture with commune 001 ended on 30 June 2025, a district then, and the province formed after it. */
function history(): PrintInput {
  const f = fixture();
  const ended = (c: PrintFeature): PrintFeature => (c.props.code === '001' ? { ...c, props: { ...c.props, valid_to: '2025-06-30' } } : c);
  const unit = (id: string, props: PrintFeature['props']): PrintFeature => ({
    table: 'admin_units',
    id,
    geometry: { type: 'MultiPolygon', coordinates: [square(425000, 1365000, 15000)] },
    props,
  });
  const features = [
    ...f.features.map(ended),
    unit('d-old', { code: '664', name: 'Krông Nô', level: 'district', parent_code: '67', valid_to: '2025-06-30' }),
    unit('p-old', { code: '67', name: 'Đắk Nông', level: 'province', valid_to: '2025-06-30' }),
    unit('p-new', { code: '68', name: 'Lâm Đồng', level: 'province', valid_from: '2025-07-01' }),
  ];
  return {
    ...f,
    today: '2026-01-15',
    settings: { ...f.settings, province: { code: '68', name: 'Lâm Đồng' }, district: null },
    features,
    communes: features.filter((c) => c.table === 'admin_units' && c.props.level === 'commune'),
  };
}

describe('historical sheets', () => {
  it('a map date titles the sheet with the district and province then in force', () => {
    const r = compose(history(), { paper: 'A3', area: { kind: 'communes', communes: ['002'] }, mapDate: '2019-06-20' });
    expect(r.report.title).toBe('BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ XÃ NÂM NUNG – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    // The units of 2019 are drawn as what they were then, never as former units (the legend lists
    // only what is drawn inside the frame: the district's and province's own outlines may lie
    // outside a commune sheet's frame).
    expect(r.report.legend).not.toContain('admin_units:former');
    expect(texts(r).join(' ')).toContain('Địa giới, địa danh hành chính theo ngày 20 tháng 6 năm 2019');
    const today = compose(history(), { paper: 'A3', area: { kind: 'communes', communes: ['002'] } });
    expect(today.report.title).toBe('BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ XÃ NÂM NUNG – TỈNH LÂM ĐỒNG');
  });

  it('a commune that has ended keeps its name on its own sheet, titled with the province of its time', () => {
    const r = compose(history(), { paper: 'A3', area: { kind: 'communes', communes: ['001'] } });
    expect(r.report.title).toBe('BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ XÃ ĐẮK DRÔ – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    expect(r.list.items.some((i) => i.kind === 'text' && i.role === 'feature-label' && i.text.toLocaleUpperCase('vi') === 'ĐẮK DRÔ')).toBe(true);
    expect(texts(r).join(' ')).toContain('theo ngày 30 tháng 6 năm 2025');
  });
});
