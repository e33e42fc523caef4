// Labels of code-list values that are not map classes (those come from the symbology legend). Read
// by the UI (forms, the import wizard) and by the import, which accepts them as values.
export const ENUM_LABELS: Record<string, { vi: string; en: string }> = {
  'verification:not_verified': { vi: 'Chưa xác minh', en: 'Not verified' },
  'verification:verified_with_grounds': { vi: 'Đã xác minh, có cơ sở', en: 'Verified, with grounds' },
  'verification:verified_without_grounds': { vi: 'Đã xác minh, không có cơ sở', en: 'Verified, without grounds' },
  'level:province': { vi: 'Tỉnh', en: 'Province' },
  'level:district': { vi: 'Huyện', en: 'District' },
  'level:commune': { vi: 'Xã', en: 'Commune' },
  'level:village': { vi: 'Thôn, buôn, bon, TDP', en: 'Village' },
  'status:done': { vi: 'Đã tìm kiếm, quy tập xong', en: 'Completed' },
  'status:continuing': { vi: 'Cần tiếp tục tìm kiếm, quy tập', en: 'To continue' },
  'status:not_started': { vi: 'Chưa tổ chức tìm kiếm, quy tập', en: 'Not started' },
  'status:no_result': { vi: 'Đã tìm kiếm, chưa có kết quả', en: 'Searched, no result yet' },
  'kind:thon': { vi: 'Thôn', en: 'Thôn (village)' },
  'kind:buon': { vi: 'Buôn', en: 'Buôn (village)' },
  'kind:bon': { vi: 'Bon', en: 'Bon (village)' },
  'kind:tdp': { vi: 'Tổ dân phố', en: 'Tổ dân phố (urban block)' },
  'outcome:concluded': { vi: 'Đã thống nhất kết luận', en: 'Concluded' },
  'outcome:more_verification': { vi: 'Cần xác minh thêm', en: 'More verification needed' },
  'outcome:reconclude': { vi: 'Cần kết luận lại', en: 'To be concluded again' },
  'status:unclear': { vi: 'Không rõ thông tin (vùng mờ)', en: 'Unclear (blurred zone)' },
};
