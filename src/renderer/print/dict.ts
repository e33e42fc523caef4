// The print dialog's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const P = {
  'button': ['In bản đồ', 'Print map'],
  'button.title': ['In tờ bản đồ ra PDF (Ctrl+P)', 'Print the map sheet to PDF (Ctrl+P)'],
  'title': ['In tờ bản đồ', 'Print map sheet'],
  'paper': ['Khổ giấy', 'Paper'],
  'orientation': ['Hướng giấy', 'Orientation'],
  'landscape': ['Ngang', 'Landscape'],
  'portrait': ['Dọc', 'Portrait'],
  'area': ['Vùng in', 'Area'],
  'area.all': ['Toàn bộ các xã của dự án', 'Every commune of the project'],
  'scale': ['Tỷ lệ', 'Scale'],
  'scale.fit': ['Vừa khổ giấy (tỷ lệ lớn nhất)', 'Fit (largest scale)'],
  'scale.typed': ['hoặc gõ tỷ lệ 1:', 'or type a scale 1:'],
  'scale.range': ['Tỷ lệ phải từ 1:500 đến 1:1.000.000: hãy gõ lại.', 'The scale must be between 1:500 and 1:1,000,000: type it again.'],
  'scale.sheets': ['({n} tờ)', '({n} sheet(s))'],
  'scale.atMost': ['(tối đa {n} tờ)', '(at most {n} sheets)'],
  'sheetTitle': ['Tiêu đề (để trống: tự tạo từ tên đơn vị)', 'Title (empty: built from the unit names)'],
  'placeDate': ['Địa danh, ngày tháng', 'Place and date line'],
  'mapDate': ['Địa giới, địa danh theo ngày (tờ lịch sử)', 'Boundaries and names as of (historical sheet)'],
  'sheetDate': ['Ngày lập (tờ này)', 'Date of this sheet'],
  'organisation': ['Cơ quan ban hành (tờ này; mỗi dòng một cấp)', 'Issuing organisation (this sheet; one line each)'],
  'series': ['In cả bộ (mọi tờ)', 'Print the whole series (every sheet)'],
  'sheet': ['Tờ', 'Sheet'],
  'preview': ['Xem trước', 'Preview'],
  'composing': ['Đang dàn trang…', 'Composing…'],
  'print': ['Xuất PDF', 'Export PDF'],
  'printing': ['Đang in {done}/{total}…', 'Printing {done}/{total}…'],
  'cancel': ['Hủy', 'Cancel'],
  'close': ['Đóng (Esc)', 'Close (Esc)'],
  'done': ['Đã in {name} (lưu trong thư mục «ban-in» cạnh tệp dự án)', 'Printed {name} (kept in the "ban-in" folder beside the project file)'],
  'download': ['Tải về {name}', 'Download {name}'],
  'download.title': ['Lưu tệp PDF vào máy này (thư mục Tải về của trình duyệt, hoặc chọn nơi lưu)', 'Save the PDF on this computer (the browser’s Downloads folder, or choose where)'],
  'cancelled': ['Đã hủy in.', 'Printing cancelled.'],
  'report.scale': ['Tỷ lệ 1:{scale} · lưới {grid} m · {sheets} tờ', 'Scale 1:{scale} · grid {grid} m · {sheets} sheet(s)'],
  'report.mismatch': ['{n} số liệu thống kê khác kết luận (tô đỏ trên tờ in)', '{n} statistics differ from the conclusions (red on the sheet)'],
  'layouts': ['Bố cục đã lưu', 'Saved layouts'],
  'layouts.none': ['(chưa có)', '(none)'],
  'layout.name': ['Tên bố cục', 'Layout name'],
  'layout.unnamed': ['Bố cục', 'Layout'],
  'layout.save': ['Lưu bố cục', 'Save layout'],
  'layout.saved': ['Đã lưu bố cục "{name}"', 'Layout "{name}" saved'],
  'layout.delete': ['Xóa bố cục', 'Delete layout'],
  'move': ['Kéo các khối chú giải, bảng, thước tỷ lệ, ghi chú, chữ ký trên bản xem trước để dời chỗ', 'Drag the legend, table, scale, notes and signature blocks on the preview to move them'],
  'resetLayout': ['Đặt lại vị trí khối', 'Reset block positions'],
  'basemaps': ['Bản đồ nền', 'Base maps'],
  'basemaps.empty': [
    'Dự án chưa có bản đồ nền. Thêm ở mục «Bản đồ nền» của bảng lớp (nút «+ Thêm…», tệp MBTiles hoặc GeoTIFF), rồi mở lại hộp in.',
    'The project has no base map yet. Add one under "Base maps" in the layer panel (the "+ Add…" button, an MBTiles or GeoTIFF file), then open printing again.',
  ],
  'basemaps.default': ['Mặc định: các bản đồ nền đang hiện trên bảng lớp, với độ đục ở đó.', 'Default: the base maps shown in the layer panel, at their opacity there.'],
  'basemaps.chosen': ['In các bản đồ nền đã đánh dấu (dưới cùng in trước), với độ đục trên bảng lớp.', 'Prints the ticked base maps (bottom one first), at their layer-panel opacity.'],
  'basemaps.none': ['Không in bản đồ nền nào.', 'No base map is printed.'],
  'basemaps.kind.tiles': ['MBTiles', 'MBTiles'],
  'basemaps.kind.geotiff': ['GeoTIFF', 'GeoTIFF'],
  'basemaps.missing': ['Bố cục nêu {n} bản đồ nền không còn trong dự án; đã bỏ qua.', 'The layout names {n} base map(s) no longer in the project; left out.'],
  'composing.basemaps': ['Đang dàn trang và nắn bản đồ nền…', 'Composing and warping the base maps…'],
} as const satisfies Record<string, readonly [string, string]>;

export type PKey = keyof typeof P;

export function usePrintT() {
  const { lang } = useI18n();
  return useCallback(
    (key: PKey, params?: Record<string, string | number>) => {
      const s = P[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
