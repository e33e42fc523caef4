// The base-map panel's strings, Vietnamese first (kept apart from i18n/dict.ts, which other features
// edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const B = {
  'title': ['Bản đồ nền', 'Base maps'],
  'add': ['+ Thêm…', '+ Add…'],
  'add.title': ['Thêm bản đồ nền từ tệp MBTiles (ảnh) hoặc GeoTIFF/COG (Ctrl+Shift+B)', 'Add a base map from an MBTiles (imagery) or GeoTIFF/COG file (Ctrl+Shift+B)'],
  'empty': ['Chưa có bản đồ nền. Thêm tệp MBTiles hoặc GeoTIFF để vẽ lên trên.', 'No base map yet. Add an MBTiles or GeoTIFF file to draw over.'],
  'visible': ['Hiện/ẩn bản đồ nền', 'Show/hide base map'],
  'opacity': ['Độ đục', 'Opacity'],
  'up': ['Đưa lên trên', 'Move up'],
  'down': ['Đưa xuống dưới', 'Move down'],
  'zoom': ['Phóng tới vùng của bản đồ nền', 'Zoom to the base map'],
  'remove': ['Xóa khỏi dự án', 'Remove from the project'],
  'remove.confirm': ['Xóa bản đồ nền "{name}" khỏi dự án? (Việc xóa được ghi vào nhật ký; tệp gốc không bị động đến.)', 'Remove the base map "{name}" from the project? (The removal is logged; the original file is not touched.)'],
  'removed': ['Đã xóa bản đồ nền "{name}".', 'Base map "{name}" removed.'],
  'details': ['{kind} · {crs} · {size} · thêm bởi {by}, {at}', '{kind} · {crs} · {size} · added by {by}, {at}'],
  'kind.tiles': ['MBTiles', 'MBTiles'],
  'kind.geotiff': ['GeoTIFF', 'GeoTIFF'],
  'uploading': ['Đang tải tệp lên… {pct}%', 'Uploading… {pct}%'],
  'reading': ['Đang đọc tệp…', 'Reading the file…'],
  'adding': ['Đang thêm vào dự án… {pct}%', 'Adding to the project… {pct}%'],
  'cancel': ['Hủy', 'Cancel'],
  'added': ['Đã thêm bản đồ nền "{name}".', 'Base map "{name}" added.'],
  'failed': ['Không thêm được bản đồ nền: {error}', 'Could not add the base map: {error}'],
  'crs.title': ['Chọn hệ tọa độ của tệp', 'Choose the file’s CRS'],
  'crs.label': ['Hệ tọa độ của tệp {file}', 'CRS of {file}'],
  'crs.pick': ['— chọn —', '— choose —'],
  'crs.ok': ['Thêm với hệ tọa độ này', 'Add with this CRS'],
  'crs.warn': [
    'Chú ý: chọn sai hệ tọa độ là đặt bản đồ nền lệch hàng trăm mét (VN-2000 và WGS 84 lệch khoảng 200 m ở Krông Nô).',
    'Careful: a wrong CRS puts the base map hundreds of metres off (VN-2000 and WGS 84 differ by about 200 m at Krông Nô).',
  ],
  'online': ['Bản đồ trực tuyến', 'Online map'],
  'online.title': ['Bản đồ nền qua Internet (mặc định tắt). Các ô ảnh đã xem được lưu cạnh tệp dự án để dùng lại khi không có mạng.', 'Base map over the internet (off by default). Tiles seen once are kept beside the project for use without internet.'],
  'online.url': ['Mẫu địa chỉ ô ảnh (https, có {z}/{x}/{y})', 'Tile URL template (https, with {z}/{x}/{y})'],
  'online.attribution': ['Ghi công', 'Attribution'],
  'online.save': ['Lưu', 'Save'],
  'online.ok': ['Đang dùng · {n} ô ảnh đã lưu', 'In use · {n} tiles cached'],
  'online.unknown': ['Đã bật · {n} ô ảnh đã lưu', 'On · {n} tiles cached'],
  'online.cached': ['{n} ô ảnh đã lưu để dùng khi mất mạng', '{n} tiles kept for use offline'],
  'online.on': ['Đã bật bản đồ trực tuyến.', 'Online map turned on.'],
  'online.off': ['Đã tắt bản đồ trực tuyến.', 'Online map turned off.'],
} as const satisfies Record<string, readonly [string, string]>;

export type BKey = keyof typeof B;

export function useBasemapT() {
  const { lang } = useI18n();
  return useCallback(
    (key: BKey, params?: Record<string, string | number>) => {
      const s = B[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
