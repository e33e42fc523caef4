// The cemetery register's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const C = {
  'button': ['Tra cứu mộ', 'Find a grave'],
  'button.title': ['Tra cứu thông tin mộ liệt sĩ trong nghĩa trang; sơ đồ và danh sách nghĩa trang', 'Find a martyr’s grave in the cemeteries; cemetery plan and register'],
  'title': ['Tra cứu mộ liệt sĩ', 'Find a martyr’s grave'],
  'close': ['Đóng', 'Close'],
  'tab.search': ['Tra cứu', 'Search'],
  'tab.plan': ['Sơ đồ mộ', 'Plot plan'],
  'tab.register': ['Danh sách', 'Register'],
  'cemetery': ['Nghĩa trang', 'Cemetery'],
  'cemetery.all': ['Mọi nghĩa trang của huyện', 'Every cemetery of the district'],
  'cemetery.none': ['Dự án chưa có nghĩa trang nào. Hãy vẽ nghĩa trang (vùng) trên bản đồ trước.', 'The project has no cemetery yet. Draw the cemetery (an area) on the map first.'],
  'cemetery.choose': ['Chọn nghĩa trang', 'Choose a cemetery'],
  'search.placeholder': ['Họ tên, năm sinh, quê quán, đơn vị… (gõ có dấu hay không dấu đều được)', 'Name, year of birth, home town, unit… (with or without diacritics)'],
  'search.none': ['Không tìm thấy liệt sĩ nào khớp. Hãy thử bớt từ, hoặc chỉ gõ họ tên.', 'No martyr matches. Try fewer words, or only the name.'],
  'search.partial': ['Không ai khớp đủ {of} từ; đây là những người khớp {n} từ.', 'No one matches all {of} words; these match {n}.'],
  'search.took': ['{n} kết quả ({ms} ms)', '{n} result(s) ({ms} ms)'],
  'born': ['sinh {y}', 'born {y}'],
  'noPlot': ['chưa gắn mộ trên sơ đồ', 'not on a plot of the plan'],
  'show': ['Xem trên bản đồ', 'Show on the map'],
  'locator': ['In phiếu chỉ dẫn', 'Print the locator sheet'],
  'locator.title': ['In phiếu A4 cho gia đình: thông tin liệt sĩ, sơ đồ, đường từ cổng, tọa độ', 'Print the A4 sheet for the family: details, plan, path from the gate, coordinates'],
  'locator.done': ['Đã in {name}', 'Printed {name}'],
  'locator.open': ['Mở phiếu {name}', 'Open {name}'],
  'plan.origin': ['Điểm gốc (góc ngoài mộ số 1, hàng 1): X, Y (m)', 'Origin (outer corner of plot 1, row 1): X, Y (m)'],
  'plan.azimuth': ['Hướng hàng (độ, từ hướng Bắc theo chiều kim đồng hồ)', 'Row direction (degrees clockwise from north)'],
  'plan.pick': ['Chọn trên bản đồ: nhấp điểm gốc, rồi một điểm theo hướng hàng', 'Pick on the map: click the origin, then a point along the row'],
  'plan.pickOrigin': ['Nhấp vào điểm gốc trên bản đồ…', 'Click the origin on the map…'],
  'plan.pickDirection': ['Nhấp một điểm theo hướng hàng…', 'Click a point along the row…'],
  'plan.rows': ['Số hàng', 'Rows'],
  'plan.plots': ['Số mộ mỗi hàng', 'Plots per row'],
  'plan.width': ['Rộng mộ (m, dọc hàng)', 'Plot width (m, along the row)'],
  'plan.depth': ['Dài mộ (m)', 'Plot length (m)'],
  'plan.plotGap': ['Khoảng cách giữa hai mộ (m)', 'Gap between plots (m)'],
  'plan.rowGap': ['Lối đi giữa hai hàng (m)', 'Path between rows (m)'],
  'plan.section': ['Tên khu', 'Section'],
  'plan.firstRow': ['Hàng đầu tiên số', 'First row number'],
  'plan.firstPlot': ['Mộ đầu tiên số', 'First plot number'],
  'plan.side': ['Các hàng tiếp theo nằm về', 'Next rows lie to the'],
  'plan.right': ['bên phải hướng hàng', 'right of the row direction'],
  'plan.left': ['bên trái hướng hàng', 'left of the row direction'],
  'plan.continuous': ['Đánh số mộ liên tục qua các hàng', 'Number plots on through the rows'],
  'plan.generate': ['Tạo {n} mộ', 'Generate {n} plots'],
  'plan.generated': ['Đã tạo {n} mộ (hoàn tác được bằng Ctrl+Z).', 'Generated {n} plots (Ctrl+Z undoes it).'],
  'plan.gate': ['Đặt cổng nghĩa trang (nhấp trên bản đồ)', 'Place the cemetery gate (click on the map)'],
  'plan.gatePick': ['Nhấp vào vị trí cổng trên bản đồ…', 'Click the gate on the map…'],
  'plan.gateDone': ['Đã đặt cổng.', 'Gate placed.'],
  'register.upload': ['Chọn tệp danh sách (.xlsx, .ods, .csv)', 'Choose the register file (.xlsx, .ods, .csv)'],
  'register.file': ['Tệp: {name} ({n} dòng)', 'File: {name} ({n} rows)'],
  'register.columns': ['Ghép cột', 'Columns'],
  'register.column.none': ['(không có)', '(none)'],
  'register.keep': ['Vẫn nhập các dòng không khớp mộ (chỉ gắn với nghĩa trang)', 'Import unmatched rows too (linked to the cemetery only)'],
  'register.check': ['Kiểm tra', 'Check'],
  'register.import': ['Nhập danh sách', 'Import the register'],
  'register.result': ['{rows} dòng: {matched} khớp mộ, {unknown} mộ liệt sĩ chưa xác định được thông tin, {unmatched} không khớp.', '{rows} rows: {matched} on their plots, {unknown} unidentified, {unmatched} unmatched.'],
  'register.written': ['Đã nhập (một lần sửa; Ctrl+Z hoàn tác).', 'Imported (one edit; Ctrl+Z undoes it).'],
  'register.notWritten': ['Chưa nhập gì: còn dòng không khớp. Hãy sửa tệp, hoặc chọn nhập cả các dòng đó.', 'Nothing was imported: some rows are unmatched. Correct the file, or choose to import them too.'],
  'register.unmatched': ['Dòng {row}: {name}, {place}: {reason}', 'Row {row}: {name}, {place}: {reason}'],
  'register.edit': ['Sửa danh sách trong bảng: mở "Hồ sơ" → Liệt sĩ.', 'Edit the register in a table: open "Records" → Martyrs.'],
  'col.full_name': ['Họ và tên', 'Full name'],
  'col.birth_year': ['Năm sinh', 'Year of birth'],
  'col.hometown': ['Quê quán', 'Home town'],
  'col.unit': ['Đơn vị', 'Unit'],
  'col.rank_position': ['Cấp bậc, chức vụ', 'Rank, position'],
  'col.death_date': ['Ngày hy sinh', 'Date of death'],
  'col.death_place': ['Nơi hy sinh', 'Place of death'],
  'col.section': ['Khu', 'Section'],
  'col.row': ['Hàng', 'Row'],
  'col.plot_number': ['Mộ số', 'Plot number'],
  'col.notes': ['Ghi chú', 'Notes'],
} as const satisfies Record<string, readonly [string, string]>;

export type CKey = keyof typeof C;

export function useCemeteryT() {
  const { lang } = useI18n();
  return useCallback(
    (key: CKey, params?: Record<string, string | number>) => {
      const s = C[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
