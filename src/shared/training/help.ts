// Short how-tos per panel (drafting, import, print, review), Vietnamese first: the help panel
// (src/renderer/training/HelpPanel.tsx, "?" / F1) and the printed user guide (scripts/guide) show
// the same sentences.
export const HOW_TOS: Record<'drafting' | 'import' | 'print' | 'review', { vi: string; en: string }[]> = {
  drafting: [
    { vi: 'Chọn xã của mình ở ô "Xã đang vẽ": các xã khác mờ đi và bị khóa, không vẽ nhầm sang xã bên.', en: 'Choose your commune in "Commune": the others are dimmed and locked, so nothing is drawn next door by mistake.' },
    { vi: 'Vẽ khu vực: phím P, nhấp từng đỉnh, nhấp đúp để kết thúc. Bật S (bắt điểm) và B (bám cạnh) để đi theo ranh giới xã.', en: 'Draw an area: P, click each vertex, double-click to finish. Turn on S (snap) and B (trace) to follow the boundary.' },
    { vi: 'Đặt mộ theo tọa độ trên phiếu: phím K, gõ X=… Y=… (X là tọa độ Bắc, 7 chữ số; Y là tọa độ Đông, 6 chữ số).', en: 'Place a grave from a form: K, type X=… Y=… (X is the northing, 7 digits; Y the easting, 6 digits).' },
    { vi: 'Sửa: phím V rồi nhấp vào đối tượng; kéo đỉnh để sửa hình, điền phiếu bên phải rồi Lưu (Ctrl+Enter).', en: 'Edit: V, click the feature; drag vertices, fill the form on the right and Save (Ctrl+Enter).' },
    { vi: 'Làm sai thì Ctrl+Z để hoàn tác, Ctrl+Y để làm lại. Mọi thay đổi đều được ghi lịch sử.', en: 'Made a mistake? Ctrl+Z undoes, Ctrl+Y redoes. Every change is kept in the history.' },
  ],
  import: [
    { vi: 'Bấm "Nhập / Xuất", thẻ "Nhập tệp". Tải tệp lên hoặc chọn tệp có sẵn trong thư mục nhập.', en: 'Press "Import / Export", "Import a file". Upload a file or pick one in the imports folder.' },
    { vi: 'Tệp từ máy GPS, Google Earth là WGS 84; tọa độ trên bản đồ tỉnh là VN-2000. Chọn sai thì điểm lệch khoảng 200 m.', en: 'Files from a GPS or Google Earth are WGS 84; province maps are VN-2000. The wrong choice puts points ~200 m off.' },
    { vi: 'Chọn lớp đích (vd Điểm thông tin) và ghép trường: cột nào của tệp vào ô nào của phiếu.', en: 'Choose the target layer (e.g. Information points) and map the fields: which column fills which form field.' },
    { vi: 'Xem trước trên bản đồ nhỏ rồi bấm Nhập. Nhập sai thì Ctrl+Z hoàn tác cả lần nhập.', en: 'Check the small map preview, then Import. A wrong import is undone whole by Ctrl+Z.' },
  ],
  print: [
    { vi: 'Bấm "In bản đồ". Chọn xã, khổ giấy (A3 cho bản đồ xã), hướng giấy.', en: 'Press "Print". Choose the commune, the paper (A3 for a commune map) and its orientation.' },
    { vi: 'Tỷ lệ: dùng tỷ lệ gợi ý (vừa khít xã trên khổ giấy); tỷ lệ lớn hơn thì phải in nhiều tờ.', en: 'Scale: use the suggested one (the commune fits the paper); a larger scale needs a series of sheets.' },
    { vi: 'Xem trước từng tờ; nhãn bị bỏ do chồng nhau được liệt kê bên dưới.', en: 'Look at each sheet in the preview; labels dropped for overlapping are listed below it.' },
    { vi: 'Bấm "Xuất PDF": tệp nằm trong thư mục "ban-in" cạnh dự án.', en: 'Press "Export PDF": the file goes to the "ban-in" folder beside the project.' },
  ],
  review: [
    { vi: 'Bấm "Thẩm định", chọn xã của mình, thẻ "Phát hiện", bấm "Kiểm tra tất cả" (F9): lỗi (đỏ) và cảnh báo (vàng) của xã.', en: 'Press "Review", choose your commune, "Findings" tab, press "Check all" (F9): the commune\'s errors (red) and warnings (yellow).' },
    { vi: 'Nhấp vào một phát hiện: bản đồ tới đúng chỗ đó. Sửa xong bấm kiểm tra lại.', en: 'Click a finding: the map goes there. Fix it and check again.' },
    { vi: 'Hết lỗi thì ở thẻ "Các xã", dòng xã của mình, bấm "Trình duyệt". Bản đồ đã trình thì chỉ xem, chờ huyện thẩm định.', en: 'When no errors are left, on the "Communes" tab, your commune\'s row, press "Submit". A submitted map is read-only until the district reviews it.' },
  ],
};
