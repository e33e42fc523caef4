// quytap settings <project.gpkg> [--set key=value …] [--show]
// The project's settings that every sheet prints (organisation, units, place, dates, signature
// blocks, district and province), shown or changed from the command line; a change is one
// audited write, as from the app's "Thiết lập dự án" dialog.
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { ApiError } from '../../shared/api-error';
import { signatureNote, type ProjectSettings } from '../../shared/model';
import { ProjectStore } from '../store';
import { parseCommandArgs } from './common';

const ROLES = ['drawn_by', 'checked_by', 'approved_by'] as const;

const USAGE = `Cách dùng / usage:
  quytap settings <tệp.gpkg> [--set khóa=giá-trị …] [--show]
  Xem hoặc sửa thiết lập dự án in trên tờ bản đồ / show or change the settings printed on the sheets.
  Khóa / keys:
    title, province, province.code, district (rỗng = không có huyện), district.code,
    organisation (các dòng cách nhau bằng "|"), producingAgency, reviewingOrganisation, place,
    dataSources, sheetDate (YYYY-MM-DD, ngày lập), boundaryDate (YYYY-MM-DD, ngày của địa giới),
    <vai>.title, <vai>.name, <vai>.note với vai / role = ${ROLES.join(', ')}
  Ví dụ / example:
    quytap settings du-an.gpkg --set "organisation=BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG|BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ" --set place=Krông Nô`;

const bad = (vi: string, en: string) => new ApiError('validation', vi, en);

/** The patch that one `key=value` makes to the settings (read from `s`, the settings so far). */
export function settingPatch(s: ProjectSettings, assignment: string): Partial<ProjectSettings> {
  const eq = assignment.indexOf('=');
  if (eq < 1) throw bad(`"${assignment}" không có dạng khóa=giá-trị.`, `"${assignment}" is not key=value.`);
  const key = assignment.slice(0, eq).trim();
  const value = assignment.slice(eq + 1).trim();
  const date = (v: string) => {
    if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw bad(`Ngày "${v}" phải viết YYYY-MM-DD (ví dụ 2019-06-20).`, `The date "${v}" must be YYYY-MM-DD (e.g. 2019-06-20).`);
    return v || null;
  };
  switch (key) {
    case 'title':
    case 'producingAgency':
    case 'reviewingOrganisation':
    case 'place':
    case 'dataSources':
      return { [key]: value };
    case 'organisation':
      return { organisation: value.split('|').map((l) => l.trim()).filter(Boolean) };
    case 'sheetDate':
    case 'boundaryDate':
      return { [key]: date(value) };
    case 'province':
      return { province: { ...s.province, name: value } };
    case 'province.code':
      return { province: { ...s.province, code: value } };
    case 'district':
      return { district: value ? { code: s.district?.code ?? '', name: value } : null };
    case 'district.code':
      if (!s.district) throw bad('Hãy đặt tên huyện (district=…) trước mã huyện.', 'Set the district name (district=…) before its code.');
      return { district: { ...s.district, code: value } };
  }
  const m = /^(drawn_by|checked_by|approved_by)\.(title|name|note)$/.exec(key);
  if (!m) throw bad(`Không có khóa "${key}". Xem "quytap settings --help".`, `No key "${key}". See "quytap settings --help".`);
  const role = m[1] as (typeof ROLES)[number];
  const field = m[2] as 'title' | 'name' | 'note';
  const sigs = s.signatures.map((x) => ({ ...x }));
  let sig = sigs.find((x) => x.role === role);
  if (!sig) {
    sig = { role, title: '', name: '', note: '' };
    // Kept in the order they are signed: maker, checker, approver.
    sigs.push(sig);
    sigs.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  }
  sig[field] = value;
  return { signatures: sigs };
}

export function formatSettings(s: ProjectSettings): string {
  const line = (k: string, v: string) => `${k.padEnd(24)}${v}`;
  return [
    line('title', s.title),
    line('province', `${s.province.name}${s.province.code ? ` (${s.province.code})` : ''}`),
    line('district', s.district ? `${s.district.name}${s.district.code ? ` (${s.district.code})` : ''}` : '—'),
    line('organisation', s.organisation.join(' | ') || '—'),
    line('producingAgency', s.producingAgency || '—'),
    line('reviewingOrganisation', s.reviewingOrganisation || '—'),
    line('place', s.place || '—'),
    line('dataSources', s.dataSources || '—'),
    line('sheetDate', s.sheetDate ?? '—'),
    line('boundaryDate', s.boundaryDate ?? '—'),
    ...s.signatures.map((x) => line(x.role, `${x.title} — ${x.name || '…'} ${signatureNote(x)}`)),
  ].join('\n');
}

export async function settingsCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, { set: { type: 'string', multiple: true }, show: { type: 'boolean' } }, USAGE);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = resolve(positionals[0]);
  const sets = values.set ?? [];
  if (!sets.length) {
    // Only reading: works while the app has the project open.
    const store = ProjectStore.open(file, { access: 'read' });
    try {
      console.log(formatSettings(store.getSettings()));
    } finally {
      store.close();
    }
    return;
  }
  const author = process.env.QUYTAP_OPERATOR ?? userInfo().username;
  const store = ProjectStore.open(file);
  try {
    let s = store.getSettings();
    let patch: Partial<ProjectSettings> = {};
    for (const a of sets) {
      const p = settingPatch(s, a);
      patch = { ...patch, ...p };
      s = { ...s, ...p };
    }
    const after = store.updateSettings(patch, author);
    console.log(`Đã lưu thiết lập / settings saved: ${file}`);
    if (values.show) console.log(formatSettings(after));
  } finally {
    store.close();
  }
}
