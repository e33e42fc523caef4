// What a file name or a commune code sent by a caller may contain, as plain functions (no zod): the
// contract's schemas refuse with them at the edge, and main's file writer (services/safe-names.ts)
// applies them again before any path is built. A problem is a sentence in both languages.

export interface NameProblem {
  vi: string;
  en: string;
}

/** C0 (NUL included), DEL and C1 controls; the bidirectional overrides that disguise an extension ("gpj.exe"). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A UTF-16 half without its other half: it has no UTF-8 form, so the file system would get another name. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Folder separators, and the characters Windows refuses in names (the file may go to a USB stick). */
const RESERVED = /[/\\<>:"|?*]/;
/** Device names Windows opens instead of a file, with any extension ("CON.pdf" is the console). */
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Control characters or broken UTF-16 anywhere in a caller's text that becomes part of a name. */
export function badTextProblem(s: string): NameProblem | null {
  if (CONTROL.test(s))
    return { vi: 'có ký tự điều khiển (không in ra được); hãy gõ lại tên bằng chữ, số và dấu thường', en: 'it holds control (unprintable) characters; type the name again with letters, digits and ordinary punctuation' };
  if (LONE_SURROGATE.test(s))
    return { vi: 'có ký tự bị hỏng (mã Unicode không trọn); hãy gõ lại tên', en: 'it holds a broken character (an incomplete Unicode code); type the name again' };
  return null;
}

/** A name (not a path) for a file in one of main's folders; null when acceptable as it is. */
export function fileNameProblem(name: string): NameProblem | null {
  const bad = badTextProblem(name);
  if (bad) return bad;
  if (RESERVED.test(name))
    return { vi: 'có ký tự không dùng được trong tên tệp (/ \\ < > : " | ? *); hãy bỏ chúng đi', en: 'it holds characters a file name cannot have (/ \\ < > : " | ? *); remove them' };
  const t = name.trim().replace(/[. ]+$/, '');
  if (t === '') return { vi: 'tên trống hoặc chỉ có dấu chấm; hãy đặt một tên có chữ', en: 'the name is empty or only dots; give a name with letters' };
  if (t.startsWith('.')) return { vi: 'tên bắt đầu bằng dấu chấm sẽ thành tệp ẩn; hãy bỏ dấu chấm đầu', en: 'a name starting with a dot would be a hidden file; remove the leading dot' };
  if (DEVICE.test(t)) return { vi: `"${t}" là tên thiết bị của Windows; hãy đặt tên khác`, en: `"${t}" is a Windows device name; choose another name` };
  return null;
}

/** Commune codes are administrative unit codes (e.g. "24682"): letters, digits, "-", "_", "." — at most 32. */
export const COMMUNE_CODE_MAX = 32;
const COMMUNE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function communeCodeProblem(code: string): NameProblem | null {
  if (code.length > 0 && code.length <= COMMUNE_CODE_MAX && COMMUNE_CODE.test(code)) return null;
  return {
    vi: `mã xã phải là mã đơn vị hành chính (chữ, số, "-", "_", ".", tối đa ${COMMUNE_CODE_MAX} ký tự, ví dụ 24682); hãy chọn xã trong danh sách của dự án`,
    en: `a commune code is an administrative unit code (letters, digits, "-", "_", ".", at most ${COMMUNE_CODE_MAX}, e.g. 24682); choose the commune from the project's list`,
  };
}
