// GEOS says why a geometry is invalid in English ("Self-intersection[424239.23 1371962.44]"); the
// user reads it as our sentence, in either language, with the place rounded to the decimetre.
// Used by the import's refusal (main, the CLI prints it) and the list of invalid rows (renderer).

const REASONS: [RegExp, string, string][] = [
  [/^ring self-intersection/i, 'một vòng ranh giới tự cắt chính nó', 'a ring crosses itself'],
  [/^self-intersection/i, 'ranh giới tự cắt (hình con bướm hoặc các vòng cắt nhau)', 'the outline crosses itself (a bow-tie, or rings that cross)'],
  [/^hole lies outside shell/i, 'một lỗ thủng nằm ngoài vùng chứa nó', 'a hole lies outside its area'],
  [/^holes are nested/i, 'một lỗ thủng nằm trong lỗ thủng khác', 'a hole lies inside another hole'],
  [/^interior is disconnected/i, 'lỗ thủng chia vùng thành nhiều mảnh rời', 'the holes cut the area into separate pieces'],
  [/^nested shells/i, 'một vùng nằm trong vùng khác của cùng đối tượng', 'one part lies inside another part of the same feature'],
  [/^duplicate rings/i, 'có hai vòng ranh giới trùng nhau', 'two rings are the same'],
  [/^too few (distinct )?points/i, 'có phần hình học quá ít điểm (vùng cần ít nhất 3 điểm khác nhau, đường cần 2)', 'a part has too few points (an area needs 3 distinct points, a line 2)'],
  [/^invalid coordinate/i, 'có tọa độ không phải là số', 'a coordinate is not a number'],
  [/^ring is not closed/i, 'vòng ranh giới không khép kín (điểm cuối khác điểm đầu)', 'a ring is not closed (its last point differs from the first)'],
  [/^repeated point/i, 'có điểm lặp lại', 'a point is repeated'],
];

/** The reason as a phrase ("ranh giới tự cắt … tại 424239.2, 1371962.4"), for "dòng 3: …". */
export function geosReasonText(reason: string | null | undefined): { vi: string; en: string } {
  const r = (reason ?? '').trim();
  const at = /\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\]/.exec(r);
  const where = at && Number.isFinite(Number(at[1])) && Number.isFinite(Number(at[2])) ? [Number(at[1]).toFixed(1), Number(at[2]).toFixed(1)] : null;
  const hit = REASONS.find(([re]) => re.test(r));
  const vi = hit ? hit[1] : 'hình học không hợp lệ theo GEOS';
  const en = hit ? hit[2] : 'the geometry is invalid (GEOS)';
  return where ? { vi: `${vi} tại ${where[0]}, ${where[1]}`, en: `${en} at ${where[0]}, ${where[1]}` } : { vi, en };
}
