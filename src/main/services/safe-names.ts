// Every file main writes or serves from something a caller influenced goes through here: the name is
// cleaned (or refused) by the same rules as the contract's edge (shared/contract/name-rules.ts), the
// path is built from the folder's REAL path plus that one segment, and a symlink standing at the
// target is refused, so a name can never lead a write or a download out of its folder.
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { badTextProblem, communeCodeProblem, fileNameProblem, type NameProblem } from '../../shared/contract/name-rules';

/** Characters of a name before its extension; longer stems are cut. */
export const MAX_STEM_CHARS = 120;
/** UTF-8 bytes of a whole name: file systems stop at 255; room is left for " (12)" of freeName. */
const MAX_NAME_BYTES = 200;
const MAX_EXT_CHARS = 16;

function refuse(p: NameProblem, name: string): ApiError {
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
  return new ApiError('validation', `Tên tệp ${shown} không dùng được: ${p.vi}.`, `The file name ${shown} cannot be used: ${p.en}.`);
}

/** Cuts to `chars` code points and `bytes` UTF-8 bytes, never inside a character. */
function cut(s: string, chars: number, bytes: number): string {
  let out = '';
  let n = 0;
  let b = 0;
  for (const ch of s) {
    const w = Buffer.byteLength(ch, 'utf8');
    if (n + 1 > chars || b + w > bytes) break;
    out += ch;
    n += 1;
    b += w;
  }
  return out;
}

/**
 * The name to write for a caller's `raw` name: Unicode NFC, trailing dots and spaces dropped (Windows
 * drops them itself), the stem cut to MAX_STEM_CHARS and the whole to MAX_NAME_BYTES. A name with a
 * folder part, control characters, broken UTF-16, Windows-reserved characters or device names, a
 * leading dot or nothing but dots is refused (ApiError 'validation'), never repaired into another.
 */
export function safeFileName(raw: string): string {
  if (typeof raw !== 'string') throw refuse({ vi: 'không phải chữ', en: 'not text' }, String(raw));
  const problem = fileNameProblem(raw);
  if (problem) throw refuse(problem, raw);
  const name = raw.normalize('NFC').trim().replace(/[. ]+$/, '');
  let ext = extname(name);
  if ([...ext].length > MAX_EXT_CHARS) ext = '';
  const stem = cut(name.slice(0, name.length - ext.length), MAX_STEM_CHARS, MAX_NAME_BYTES - Buffer.byteLength(ext, 'utf8'))
    .trim()
    .replace(/[. ]+$/, '');
  const out = stem + ext;
  const again = stem === '' ? { vi: 'tên trống sau khi bỏ phần thừa', en: 'the name is empty once trimmed' } : fileNameProblem(out);
  if (again) throw refuse(again, raw);
  return out;
}

/** A commune code that becomes part of a generated name: refused, never cleaned into another code. */
export function safeCommuneCode(code: string): string {
  const p = communeCodeProblem(code);
  if (p) throw new ApiError('validation', `Không dùng được "${code.slice(0, 40)}" trong tên tệp: ${p.vi}.`, `"${code.slice(0, 40)}" cannot be part of a file name: ${p.en}.`);
  return code;
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The folder's real path (a folder reached through a link is where that link points). */
function realFolder(dir: string): string {
  const real = realpathSync(dir);
  if (!statSync(real).isDirectory())
    throw new ApiError('forbidden', `"${dir}" không phải là thư mục; QuyTap không ghi vào đó.`, `"${dir}" is not a folder; QuyTap does not write there.`);
  return real;
}

/**
 * The path at which to create `name` inside `dir`: the cleaned name, checked in the folder's real
 * path, where it must be a direct child. A symlink already standing at that name is refused
 * (writing through it would land anywhere); an existing plain file is left to the caller's
 * no-overwrite rule. The path returned is spelled with `dir` as given (the one users and the recent
 * list know), which is the same file.
 */
export function writePathIn(dir: string, name: string): string {
  const safe = safeFileName(name);
  const real = realFolder(dir);
  const target = join(real, safe);
  if (dirname(target) !== real || !target.startsWith(real + sep)) throw refuse({ vi: 'tên dẫn ra ngoài thư mục', en: 'the name leads out of the folder' }, name);
  if (lstatOrNull(target)?.isSymbolicLink())
    throw new ApiError(
      'forbidden',
      `Trong thư mục đã có "${safe}" là một liên kết tới nơi khác; QuyTap không ghi qua liên kết. Hãy xóa nó rồi thử lại.`,
      `"${safe}" in the folder is a link to somewhere else; QuyTap does not write through links. Remove it and try again.`,
    );
  return join(dir, safe);
}

/** Whether `name` is taken in `dir`: a file, a folder, or a link (even one pointing nowhere). */
export function nameTaken(dir: string, name: string): boolean {
  return lstatOrNull(join(dir, name)) !== null;
}

/**
 * A file with more than one name (a hard link) shares its bytes with a file elsewhere, maybe one
 * the folder's owner never meant to hand out: it is treated as a link and neither served nor read.
 */
export const hardLinked = (st: { isFile(): boolean; nlink: number }) => st.isFile() && st.nlink > 1;

type Folder = { vi: string; en: string };
const IMPORTS: Folder = { vi: 'thư mục nhập', en: 'imports folder' };

const symlinkRefused = (name: string, folder: Folder) =>
  new ApiError(
    'forbidden',
    `"${name}" trong ${folder.vi} là một liên kết tới tệp khác; QuyTap không đọc qua liên kết. Hãy chép chính tệp đó vào thư mục (hoặc tải lên) rồi thử lại.`,
    `"${name}" in the ${folder.en} is a link to another file; QuyTap does not read through links. Copy the file itself into the folder (or upload it) and try again.`,
  );

const hardLinkRefused = (name: string, nlink: number, folder: Folder) =>
  new ApiError(
    'forbidden',
    `"${name}" trong ${folder.vi} là một liên kết cứng (tệp có ${nlink} tên); QuyTap không đọc tệp như vậy. Hãy chép tệp vào thư mục (chép, không tạo liên kết) hoặc tải lên rồi thử lại.`,
    `"${name}" in the ${folder.en} is a hard link (a file with ${nlink} names); QuyTap does not read such files. Copy the file into the folder (a copy, not a link) or upload it and try again.`,
  );

/**
 * Refuses reading `path` (shown to the user as `name`, in the folder `folder` names) when it is a
 * symbolic link or a hard link: the imports folder is read only through plain files of its own.
 * A check by name: what is read later by that name may be another file; openUnlinked holds it.
 */
export function refuseLinked(path: string, name: string, folder = IMPORTS): void {
  const st = lstatOrNull(path);
  if (st?.isSymbolicLink()) throw symlinkRefused(name, folder);
  if (st && hardLinked(st)) throw hardLinkRefused(name, st.nlink, folder);
}

/**
 * Opens `path` (shown as `name`) for reading as ONE file descriptor, checked and then read through:
 * opened without following a link (O_NOFOLLOW: a symlink fails to open, refused with refuseLinked's
 * sentence), then the open file itself is checked (fstat: a plain file with one name). A file
 * swapped for a link after this is not what the fd reads. null: no such plain file (missing, or a
 * folder, a device…). O_NONBLOCK keeps a FIFO from stalling the open; it changes nothing for a
 * plain file. Where O_NOFOLLOW does not exist (Windows) the name is checked by lstat first.
 * The caller closes the fd.
 */
export function openUnlinked(path: string, name: string, folder = IMPORTS): { fd: number; size: number } | null {
  if (!constants.O_NOFOLLOW) refuseLinked(path, name, folder);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ERR_INVALID_ARG_VALUE') return null; // the last: a NUL, no file has it
    if (code === 'ELOOP' || code === 'EMLINK') throw symlinkRefused(name, folder); // EMLINK: the BSDs' answer
    throw e;
  }
  let ok = false;
  try {
    const st = fstatSync(fd);
    if (hardLinked(st)) throw hardLinkRefused(name, st.nlink, folder);
    if (!st.isFile()) return null;
    ok = true;
    return { fd, size: st.size };
  } finally {
    if (!ok) closeSync(fd);
  }
}

/**
 * The bytes of the plain file `name` directly inside `dir`, for a download; null when there is no
 * such file, or it is a link (symbolic or hard), or its real path is not in the folder's real path.
 * Opened without following links, so a file swapped for a link after the checks is not read either.
 */
export function readServable(dir: string, name: string): Buffer | null {
  if (!name || name.includes('/') || name.includes('\\') || name.includes('\0') || name.startsWith('.') || badTextProblem(name)) return null;
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return null;
  }
  const p = join(real, name);
  if (dirname(p) !== real) return null;
  const st = lstatOrNull(p);
  if (!st || !st.isFile() || hardLinked(st)) return null; // a symlink is not a file to lstat
  let fd: number;
  try {
    if (dirname(realpathSync(p)) !== real) return null;
    fd = openSync(p, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile() || hardLinked(fst)) return null;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
