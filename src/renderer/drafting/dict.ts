// The drafting workspace's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time). d(key) picks the UI language.
import { useCallback } from 'react';
import { CLASSES } from '../../shared/symbology';
import { ENUM_LABELS } from '../i18n/dict';
import { useI18n } from '../i18n';

const D = {
  'tool.select': ['Chọn, sửa đỉnh (V). Kéo đỉnh để di chuyển, kéo cạnh để thêm đỉnh, Alt+nhấp để xóa đỉnh', 'Select, edit vertices (V). Drag a vertex to move it, drag an edge to add one, Alt+click to delete one'],
  'tool.move': ['Di chuyển đối tượng đã chọn (T)', 'Move the selected feature (T)'],
  'tool.polygon': ['Vẽ khu vực tìm kiếm (P). Nhấp đúp để kết thúc, Backspace xóa điểm vừa vẽ', 'Draw a search area (P). Double-click to finish, Backspace removes the last point'],
  'tool.hole': ['Vẽ lỗ thủng trong vùng đã chọn (H)', 'Draw a hole in the selected area (H)'],
  'tool.grave': ['Đặt mộ liệt sĩ (G)', 'Place a grave (G)'],
  'tool.cemetery': ['Đặt nghĩa trang dạng điểm (C)', 'Place a cemetery as a point (C)'],
  'tool.village': ['Đặt thôn, buôn, bon, TDP dạng điểm (N); vẽ dạng vùng: Shift+N', 'Place a village as a point (N); draw it as an area: Shift+N'],
  'tool.cemeteryArea': ['Vẽ nghĩa trang dạng vùng (Shift+C)', 'Draw a cemetery as an area (Shift+C)'],
  'tool.plot': ['Vẽ một mộ trong nghĩa trang (O); nhiều mộ: Tra cứu mộ → Sơ đồ mộ', 'Draw one plot in a cemetery (O); many plots: Find a grave → Plot plan'],
  'tool.info': ['Đặt điểm thông tin (I)', 'Place an information point (I)'],
  'tool.line': ['Vẽ đường nền: giao thông, thủy hệ (L)', 'Draw a base line: road, water (L)'],
  'tool.measure': ['Đo chiều dài (M)', 'Measure a length (M)'],
  'tool.measureArea': ['Đo diện tích (Shift+M)', 'Measure an area (Shift+M)'],
  'tool.split': ['Cắt vùng đã chọn bằng một đường (X)', 'Split the selected area with a line (X)'],
  'tool.merge': ['Gộp vùng đã chọn với vùng kề (J): nhấp vào vùng thứ hai', 'Merge the selected area with another (J): click the second area'],
  'tool.coords': ['Đặt điểm theo tọa độ (K)', 'Place a point by coordinates (K)'],
  'tool.delete': ['Xóa đối tượng đã chọn (Delete)', 'Delete the selected feature (Delete)'],
  'tool.undo': ['Hoàn tác (Ctrl+Z)', 'Undo (Ctrl+Z)'],
  'tool.redo': ['Làm lại (Ctrl+Y)', 'Redo (Ctrl+Y)'],
  'tool.snap': ['Bắt điểm vào đỉnh và cạnh (S)', 'Snap to vertices and edges (S)'],
  'tool.snapTol': ['Dung sai bắt điểm (điểm ảnh)', 'Snap tolerance (pixels)'],
  'tool.trace': [
    'Vẽ bám theo cạnh (B): khi vẽ vùng hoặc đường, nhấp lên ranh giới xã hay cạnh vùng khác (cần bật bắt điểm S), đưa chuột dọc theo cạnh rồi nhấp tiếp: nét vẽ đi đúng theo cạnh. Đưa chuột ra xa cạnh thì thôi bám.',
    'Trace edges (B): while drawing an area or a line, click on the commune boundary or another area\'s edge (snapping S must be on), move along it and click again: the sketch follows the edge exactly. Moving away from the edge lets go.',
  ],
  'tool.clip': [
    'Cắt theo ranh giới xã (✂): vùng mới vẽ được cắt bỏ phần nằm ngoài xã đang vẽ trước khi lưu (nhớ trong phiên làm việc này).',
    'Clip to the commune boundary (✂): the part of a new area outside the commune being drawn is cut off before it is saved (remembered for this session).',
  ],
  // Short on the toolbar (it must keep to one row at 1440 px); the tooltip and messages name it in full.
  'tool.clipShort': 'xã|commune',
  'tool.clipName': 'Cắt theo ranh giới xã|Clip to the commune boundary',
  'tool.clipNoFocus': 'Chọn "Xã đang vẽ" trước: vùng được cắt theo ranh giới xã đó.|Choose the commune first: areas are clipped to its boundary.',
  'clip.done': 'Đã cắt vùng theo ranh giới xã {name}: bỏ phần nằm ngoài xã ({pct}% diện tích vừa vẽ).|The area was clipped to the boundary of {name}: the part outside it ({pct}% of what was drawn) was cut off.',
  'edit.missed': 'Chưa trúng đỉnh hay cạnh của đối tượng đang chọn nên bản đồ đứng yên: đưa con trỏ tới đúng đỉnh (hiện chấm tròn) rồi mới kéo. Muốn dịch bản đồ, kéo ở chỗ xa đường viền.|The drag missed the selected feature\'s vertices and edges, so the map stayed still: point exactly at a vertex (a dot appears), then drag. To pan, drag away from the outline.',
  'tool.table': ['Bảng thuộc tính lớp (F)', 'Attribute table of the layer (F)'],
  'tool.records': ['Hồ sơ: liệt sĩ, phiếu thông tin, kết luận (R)', 'Records: martyrs, information forms, conclusions (R)'],
  'commune.label': 'Xã đang vẽ|Commune',
  'commune.none': '— Tất cả (không khóa) —|— All (no focus) —',
  'commune.unlock': 'Mở khóa xã khác|Unlock other communes',
  'commune.unlockShort': 'Mở khóa|Unlock',
  'commune.readOnly': 'Đối tượng thuộc xã khác ({code}): chỉ xem. Bật "Mở khóa xã khác" để sửa.|This feature belongs to another commune ({code}): read-only. Tick "Unlock other communes" to edit it.',
  'lock.badge.approved': 'Đã phê duyệt — chỉ xem|Approved — read-only',
  'lock.badge.submitted': 'Đã trình duyệt — chỉ xem|Submitted — read-only',
  'lock.approved':
    'Bản đồ xã {name} đã được phê duyệt và đang khóa: chỉ xem, không sửa được. Muốn sửa, cán bộ thẩm định phải mở khóa trước (trong bảng Thẩm định).|The map of {name} is approved and locked: read-only. To change it, a reviewer must unlock it first (in the Review panel).',
  'lock.submitted':
    'Bản đồ xã {name} đã trình duyệt, đang chờ thẩm định: chỉ xem. Nếu cán bộ thẩm định trả lại, bạn sửa tiếp được.|The map of {name} is submitted and waiting for review: read-only. If the reviewer returns it, you can edit it again.',
  'lock.tool': '{tool}. Không dùng được lúc này: {reason}|{tool}. Not available now: {reason}',
  'commune.adminReadOnly': 'Địa giới hành chính chỉ xem. Bật "Mở khóa xã khác" để sửa.|Boundaries are read-only. Tick "Unlock other communes" to edit them.',
  'draw.needSelect': 'Hãy chọn một vùng trước (V rồi nhấp vào vùng).|Select an area first (V, then click it).',
  'draw.holeOutside': 'Lỗ thủng phải nằm trong vùng đã chọn.|The hole must lie inside the selected area.',
  'draw.new': 'Đối tượng mới|New feature',
  'form.save': 'Lưu (Ctrl+Enter)|Save (Ctrl+Enter)',
  'form.cancel': 'Hủy (Esc)|Cancel (Esc)',
  'form.saved': 'Đã lưu.|Saved.',
  'form.blocked': 'Chưa lưu được: {msg}|Not saved: {msg}',
  'form.warnRemains': 'Khu vực chưa tìm kiếm nhưng chưa nhập số hài cốt ước tính.|Area not started but estimated remains is empty.',
  'form.warnVerify': 'Mộ chưa được xác minh.|Grave not verified yet.',
  'form.required': 'bắt buộc|required',
  'form.yes': 'Có|Yes',
  'form.empty': '—|—',
  'tab.attrs': 'Thuộc tính|Attributes',
  'tab.links': 'Liên kết|Links',
  'tab.files': 'Tệp|Files',
  'tab.history': 'Lịch sử|History',
  'links.none': 'Chưa có liên kết.|No links yet.',
  'links.add': 'Liên kết với…|Link to…',
  'links.search': 'Tìm (không cần dấu)|Search (diacritics optional)',
  'links.link': 'Liên kết|Link',
  'links.unlink': 'Bỏ liên kết|Unlink',
  'links.open': 'Mở|Open',
  'links.role': 'Vai trò|Role',
  'files.none': 'Chưa có tệp đính kèm.|No attachments.',
  'files.add': 'Đính kèm ảnh, bản chụp…|Attach a photo, scan…',
  'files.tooBig': 'Tệp quá lớn (tối đa {mb} MB).|File too large (at most {mb} MB).',
  'files.open': 'Xem|View',
  'history.none': 'Chưa có lịch sử.|No history.',
  'history.restore': 'Khôi phục phiên bản này|Restore this version',
  'history.restored': 'Đã khôi phục phiên bản {v}.|Restored version {v}.',
  'history.action.insert': 'Tạo mới|Created',
  'history.action.update': 'Sửa|Changed',
  'history.action.delete': 'Xóa|Deleted',
  'history.action.restore': 'Khôi phục|Restored',
  'history.geometry': 'hình dạng|geometry',
  'delete.confirm': 'Xóa đối tượng "{name}"? (Có thể hoàn tác bằng Ctrl+Z)|Delete "{name}"? (Ctrl+Z undoes it)',
  'delete.done': 'Đã xóa.|Deleted.',
  'delete.unseen': 'Chưa đọc được phiên bản của đối tượng này nên chưa xóa: hãy chờ bảng thông tin hiện ra rồi xóa lại.|This feature’s version has not been read yet, so it was not deleted: wait for its panel to show, then delete again.',
  'measure.length': 'Chiều dài: {m} m|Length: {m} m',
  'measure.area': 'Diện tích: {m2} m² = {ha} ha; chu vi {m} m|Area: {m2} m² = {ha} ha; perimeter {m} m',
  'coords.title': 'Đặt điểm theo tọa độ|Place a point by coordinates',
  'coords.text': 'Tọa độ|Coordinates',
  'coords.format': 'Dạng|Format',
  'coords.auto': 'Tự nhận dạng|Detect',
  'coords.target': 'Đặt thành|Place as',
  'coords.moveSelected': 'Di chuyển điểm đang chọn đến đây|Move the selected point here',
  'coords.gridZone': 'Ô lưới MGRS (cho dạng ngắn, vd 49P)|MGRS grid zone (for short references, e.g. 49P)',
  'coords.place': 'Đặt điểm|Place',
  'coords.hint': 'Ví dụ: X=1.362.345,67 Y=456.789,12 · 1362345,67 456789,12 (không nhãn: số 7 chữ số là X) · 12,3456 107,89 · 12°20\'44"B 107°53\'24"Đ · 49P 123456 1365432 · 49P BT 12345 67890|E.g. X=1,362,345.67 Y=456,789.12 · 1362345.67 456789.12 (unlabelled: the 7-digit number is X) · 12.3456, 107.89 · 12°20\'44"N 107°53\'24"E · 49P 123456 1365432 · 49P BT 12345 67890',
  'coords.precision': 'Độ chính xác của cách viết: {p} m|Precision of the notation: {p} m',
  'status.format': 'Dạng tọa độ con trỏ|Cursor coordinate format',
  'status.sheet': 'Mảnh 1:50.000 (tham khảo)|1:50,000 sheet (hint)',
  'table.title': 'Bảng thuộc tính|Attribute table',
  'table.layer': 'Lớp|Layer',
  'table.search': 'Tìm (không cần dấu)|Search (diacritics optional)',
  'table.rows': '{n} / {total} dòng|{n} / {total} rows',
  'table.zoom': 'Phóng tới|Zoom to',
  'table.bulk': 'Sửa hàng loạt {n} dòng đã chọn:|Bulk-edit the {n} selected rows:',
  'table.apply': 'Áp dụng|Apply',
  'table.bulkDone': 'Đã sửa {n} đối tượng (một bước hoàn tác).|Changed {n} features (one undo step).',
  'table.close': 'Đóng|Close',
  'records.title': 'Hồ sơ|Records',
  'records.new': 'Thêm mới|New',
  'records.linked': 'Đối tượng liên kết|Linked features',
  'records.noneLinked': 'Chưa liên kết đối tượng nào.|Not linked to any feature.',
  'records.showOnMap': 'Xem trên bản đồ|Show on map',
  'inspector.reload': 'Tải lại từ tệp dự án|Reload from the project file',
  'conflict.title': 'Xung đột chỉnh sửa|Edit conflict',
  'conflict.intro': '{who} đã sửa đối tượng này (phiên bản {version}) sau khi bạn mở nó. Hãy so sánh hai bản và chọn giữ gì; không bản nào bị mất (lịch sử giữ cả hai).|{who} changed this feature (version {version}) after you opened it. Compare both and choose what to keep; neither is lost (the history keeps both).',
  'conflict.field': 'Trường|Field',
  'conflict.theirs': 'Bản của {who}|{who}’s version',
  'conflict.mine': 'Bản của tôi|My version',
  'conflict.keepMine': 'Giữ của tôi|Keep mine',
  'conflict.takeTheirs': 'Lấy của người kia|Take theirs',
  'conflict.merge': 'Gộp theo từng trường|Merge field by field',
  'conflict.geometry': 'Hình dạng|Shape',
  'conflict.sameGeometry': 'Hình dạng giống nhau.|The shapes are the same.',
  'conflict.deleted': '{who} đã xóa đối tượng này. Giữ của tôi sẽ khôi phục nó với thay đổi của bạn.|{who} deleted this feature. Keeping yours restores it with your change.',
  'conflict.kept': 'Đã lưu thay đổi của bạn lên phiên bản mới nhất.|Your change was saved on top of the latest version.',
  'conflict.taken': 'Đã giữ bản của {who}; thay đổi của bạn không được lưu.|{who}’s version was kept; your change was not saved.',
  'presence.title': 'Đang vẽ|Drafting now',
} as const satisfies Record<string, string | readonly [string, string]>;

export type DKey = keyof typeof D;

function pair(key: DKey): [string, string] {
  const v = D[key] as string | readonly [string, string];
  if (typeof v === 'string') {
    const i = v.indexOf('|');
    return [v.slice(0, i), v.slice(i + 1)];
  }
  return [v[0], v[1]];
}

/** A string outside React (tests, the guide): the same table useD reads. */
export function dText(key: DKey, lang: 'vi' | 'en'): string {
  return pair(key)[lang === 'en' ? 1 : 0];
}

export function useD() {
  const { lang } = useI18n();
  return useCallback(
    (key: DKey, params?: Record<string, string | number>) => {
      const s = pair(key)[lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}

const CLASS_LABELS = new Map(CLASSES.map((c) => [c.classKey, c]));

/** A code's label: the shared enum labels first, then the symbology's class names. */
export function enumLabel(table: string, field: string, value: string): { vi: string; en: string } | null {
  const l = ENUM_LABELS[`${field}:${value}`];
  if (l) return l;
  const c = CLASS_LABELS.get(`${table}:${value}`) as unknown as { legend?: { vi: string; en: string }; vi?: string; en?: string } | undefined;
  if (c?.legend) return c.legend;
  if (c?.vi && c.en) return { vi: c.vi, en: c.en };
  return null;
}
