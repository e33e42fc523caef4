// The 500 rows of the test register (fixtures/register-500.xlsx, made from them by
// make-register-fixture.ts and LibreOffice), so the test knows what every row must become.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Đình', 'Hữu', 'Quang', 'Minh'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khoa', 'Lâm', 'Long', 'Nam', 'Phúc', 'Quý', 'Sơn', 'Tâm', 'Thắng', 'Tuấn', 'Việt', 'Xuân', 'Yên'];
const HOMETOWNS = ['Thái Bình', 'Nam Định', 'Hà Nội', 'Nghệ An', 'Hà Tĩnh', 'Thanh Hóa', 'Quảng Bình', 'Hải Dương', 'Hưng Yên', 'Phú Thọ'];

export interface RegisterRow {
  name: string;
  birthYear: number;
  hometown: string;
  unit: string;
  deathDate: string;
  section: string;
  row: number;
  plot: number;
}

/** Every tenth row of the last row of plots is an unidentified martyr. */
export const UNKNOWN_NAME = 'Liệt sĩ chưa xác định được thông tin';

export function registerRows(n = 500, perRow = 25): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    name: i >= n - 25 && i % 10 === 0 ? UNKNOWN_NAME : `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 5]} ${GIVEN[Math.floor(i / 50) % 20]}`,
    birthYear: 1940 + (i % 20),
    hometown: `Xã ${i % 13 + 1}, ${HOMETOWNS[(i * 7) % 10]}`,
    unit: i % 3 === 0 ? `Trung đoàn ${24 + (i % 5)}` : `E${66 + (i % 4)}`,
    deathDate: `Tháng ${1 + (i % 12)} năm ${1965 + (i % 11)}`,
    section: 'A',
    row: Math.floor(i / perRow) + 1,
    plot: (i % perRow) + 1,
  }));
}

export const HEADERS = ['STT', 'Họ và tên', 'Năm sinh', 'Quê quán', 'Đơn vị', 'Ngày hy sinh', 'Khu', 'Hàng', 'Mộ số'];

export function registerCsv(rows: RegisterRow[]): string {
  const q = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
  const lines = rows.map((r, i) => [i + 1, r.name, r.birthYear, r.hometown, r.unit, r.deathDate, r.section, r.row, r.plot].map(q).join(','));
  return [HEADERS.map(q).join(','), ...lines].join('\n') + '\n';
}
