// "Thiết lập dự án": what every sheet prints (issuing organisation, units, place, dates, signature
// blocks, district and province). The same fields are asked for when a project is created
// (StartScreen) and can be changed here any time; a sheet may still override them (print dialog).
import { useCallback, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ProjectInfo } from '../../shared/api';
import type { ProjectSettings } from '../../shared/model/settings';
import { DEFAULT_SIGNATURE_TITLES, SIGNATURE_ROLES, signatureNote, type SignatureRole } from '../../shared/model/signature-note';
import { useI18n } from '../i18n';
import { useApi, useErrorToast } from './common';

const S = {
  'button': ['Thiết lập dự án', 'Project settings'],
  'button.title': ['Cơ quan, đơn vị, địa danh, ngày, chữ ký in trên tờ bản đồ', 'Organisation, units, place, dates and signatures printed on the sheets'],
  'title': ['Thiết lập dự án', 'Project settings'],
  'intro': ['Các mục này in trên mọi tờ bản đồ; hộp in có thể sửa riêng cho từng tờ.', 'These are printed on every sheet; the print dialog can change them for one sheet.'],
  'mapTitle': ['Tiêu đề bản đồ', 'Map title'],
  'province': ['Tỉnh', 'Province'],
  'district': ['Huyện (để trống nếu không có)', 'District (empty if none)'],
  'organisation': ['Cơ quan ban hành (mỗi dòng một cấp)', 'Issuing organisation (one line each)'],
  'organisation.hint': ['Ví dụ: BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG / BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ', 'E.g. BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG / BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ'],
  'producingAgency': ['Đơn vị thành lập', 'Producing unit'],
  'reviewingOrganisation': ['Đơn vị phê duyệt', 'Reviewing unit'],
  'place': ['Địa danh (dòng «…, ngày … tháng … năm …»)', 'Place (on the place and date line)'],
  'dataSources': ['Nguồn dữ liệu', 'Data sources'],
  'sheetDate': ['Ngày lập bản đồ (để trống: ghi tay)', 'Date of the map (empty: written by hand)'],
  'boundaryDate': ['Địa giới hành chính theo ngày (để trống: hiện nay)', 'Boundaries as of (empty: today)'],
  'signatures': ['Khối chữ ký', 'Signature blocks'],
  'sig.drawn_by': ['Người lập', 'Drawn by'],
  'sig.checked_by': ['Người kiểm tra', 'Checked by'],
  'sig.approved_by': ['Thủ trưởng phê duyệt', 'Approving authority'],
  'sig.title': ['Chức danh', 'Title'],
  'sig.name': ['Họ tên', 'Name'],
  'sig.note': ['Dòng dưới chức danh', 'Line under the title'],
  'save': ['Lưu', 'Save'],
  'cancel': ['Hủy', 'Cancel'],
  'saved': ['Đã lưu thiết lập dự án.', 'Project settings saved.'],
} as const satisfies Record<string, readonly [string, string]>;

export type SKey = keyof typeof S;

/** Wide enough for the signature blocks' three fields side by side. */
export const DIALOG_WIDTH = 'min(860px, 100% - 32px)';
const FILL = { width: '100%', minWidth: 0, boxSizing: 'border-box' } as const;

export function useSettingsT() {
  const { lang } = useI18n();
  return useCallback((key: SKey) => S[key][lang === 'en' ? 1 : 0], [lang]);
}

/** The settings a sheet prints, as the form edits them (dates and district as text: empty = none). */
export interface SheetFields {
  district: string;
  organisation: string;
  producingAgency: string;
  reviewingOrganisation: string;
  place: string;
  dataSources: string;
  sheetDate: string;
  boundaryDate: string;
  signatures: Record<SignatureRole, { title: string; name: string; note: string }>;
}

export function sheetFieldsOf(s?: Partial<ProjectSettings>): SheetFields {
  const sig = (role: SignatureRole) => {
    const x = s?.signatures?.find((y) => y.role === role);
    return { title: x?.title ?? DEFAULT_SIGNATURE_TITLES[role], name: x?.name ?? '', note: x?.note ?? '' };
  };
  return {
    district: s?.district?.name ?? '',
    organisation: (s?.organisation ?? []).join('\n'),
    producingAgency: s?.producingAgency ?? '',
    reviewingOrganisation: s?.reviewingOrganisation ?? '',
    place: s?.place ?? '',
    dataSources: s?.dataSources ?? '',
    sheetDate: s?.sheetDate ?? '',
    boundaryDate: s?.boundaryDate ?? '',
    signatures: { drawn_by: sig('drawn_by'), checked_by: sig('checked_by'), approved_by: sig('approved_by') },
  };
}

/** The settings patch of the form's fields (the district keeps its code while its name is kept). */
export function sheetFieldsPatch(f: SheetFields, before?: Partial<ProjectSettings>): Partial<ProjectSettings> {
  const district = f.district.trim();
  return {
    district: district ? { code: before?.district?.name === district ? before.district.code : '', name: district } : null,
    organisation: f.organisation.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4),
    producingAgency: f.producingAgency.trim(),
    reviewingOrganisation: f.reviewingOrganisation.trim(),
    place: f.place.trim(),
    dataSources: f.dataSources.trim(),
    sheetDate: f.sheetDate || null,
    boundaryDate: f.boundaryDate || null,
    signatures: SIGNATURE_ROLES.map((role) => ({ role, title: f.signatures[role].title.trim(), name: f.signatures[role].name.trim(), note: f.signatures[role].note.trim() })),
  };
}

/** The fields themselves, in a form-grid; used by the create form and the settings dialog. */
export function SheetFieldsEditor({ value, onChange, idPrefix }: { value: SheetFields; onChange: (v: SheetFields) => void; idPrefix: string }) {
  const s = useSettingsT();
  const set = <K extends keyof SheetFields>(k: K, v: SheetFields[K]) => onChange({ ...value, [k]: v });
  const text = (k: 'district' | 'producingAgency' | 'reviewingOrganisation' | 'place', label: SKey) => (
    <>
      <label htmlFor={`${idPrefix}-${k}`}>{s(label)}</label>
      <input id={`${idPrefix}-${k}`} data-testid={`settings-${k}`} value={value[k]} onChange={(e) => set(k, e.target.value)} />
    </>
  );
  return (
    <>
      {text('district', 'district')}
      <label htmlFor={`${idPrefix}-organisation`}>{s('organisation')}</label>
      <div>
        <textarea id={`${idPrefix}-organisation`} data-testid="settings-organisation" rows={2} style={{ width: '100%' }} value={value.organisation} onChange={(e) => set('organisation', e.target.value)} />
        <small className="muted">{s('organisation.hint')}</small>
      </div>
      {text('producingAgency', 'producingAgency')}
      {text('reviewingOrganisation', 'reviewingOrganisation')}
      {text('place', 'place')}
      <label htmlFor={`${idPrefix}-dataSources`}>{s('dataSources')}</label>
      <textarea id={`${idPrefix}-dataSources`} data-testid="settings-dataSources" rows={2} style={{ width: '100%' }} value={value.dataSources} onChange={(e) => set('dataSources', e.target.value)} />
      <label htmlFor={`${idPrefix}-sheetDate`}>{s('sheetDate')}</label>
      <input id={`${idPrefix}-sheetDate`} data-testid="settings-sheetDate" type="date" value={value.sheetDate} onChange={(e) => set('sheetDate', e.target.value)} />
      <label htmlFor={`${idPrefix}-boundaryDate`}>{s('boundaryDate')}</label>
      <input id={`${idPrefix}-boundaryDate`} data-testid="settings-boundaryDate" type="date" value={value.boundaryDate} onChange={(e) => set('boundaryDate', e.target.value)} />
      {SIGNATURE_ROLES.map((role) => {
        const sig = value.signatures[role];
        const put = (k: 'title' | 'name' | 'note', v: string) => set('signatures', { ...value.signatures, [role]: { ...sig, [k]: v } });
        return (
          <div key={role} className="settings-signature" style={{ display: 'contents' }}>
            <label htmlFor={`${idPrefix}-sig-${role}`}>
              {s('signatures')}: {s(`sig.${role}`)}
            </label>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 4 }}>
              <input id={`${idPrefix}-sig-${role}`} data-testid={`settings-sig-${role}-title`} style={FILL} aria-label={s('sig.title')} placeholder={s('sig.title')} value={sig.title} onChange={(e) => put('title', e.target.value)} />
              <input data-testid={`settings-sig-${role}-name`} style={FILL} aria-label={s('sig.name')} placeholder={s('sig.name')} value={sig.name} onChange={(e) => put('name', e.target.value)} />
              <input data-testid={`settings-sig-${role}-note`} style={FILL} aria-label={s('sig.note')} placeholder={signatureNote({ role })} value={sig.note} onChange={(e) => put('note', e.target.value)} />
            </div>
          </div>
        );
      })}
    </>
  );
}

export function SettingsDialog({ info, onClose, onSaved }: { info: ProjectInfo; onClose: () => void; onSaved: (info: ProjectInfo) => void }) {
  const api = useApi();
  const s = useSettingsT();
  const showError = useErrorToast();
  const [title, setTitle] = useState(info.settings.title);
  const [province, setProvince] = useState(info.settings.province.name);
  const [fields, setFields] = useState(() => sheetFieldsOf(info.settings));
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const before = info.settings;
      await api.invoke('project.updateSettings', {
        ...sheetFieldsPatch(fields, before),
        title: title.trim() || before.title,
        province: { code: province.trim() === before.province.name ? before.province.code : '', name: province.trim() || before.province.name },
      });
      onSaved(await api.invoke('project.info', {}));
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <form className="modal modal-wide" style={{ width: DIALOG_WIDTH }} role="dialog" aria-modal="true" aria-label={s('title')} onSubmit={submit} data-testid="settings-dialog">
        <div className="modal-title">{s('title')}</div>
        <div className="modal-body form-grid" style={{ maxHeight: '70vh', overflow: 'auto' }}>
          <p className="muted small" style={{ gridColumn: '1 / -1', margin: 0 }}>
            {s('intro')}
          </p>
          <label htmlFor="ps-title">{s('mapTitle')}</label>
          <input id="ps-title" data-testid="settings-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="ps-province">{s('province')}</label>
          <input id="ps-province" data-testid="settings-province" value={province} onChange={(e) => setProvince(e.target.value)} />
          <SheetFieldsEditor value={fields} onChange={setFields} idPrefix="ps" />
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            {s('cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || info.readOnly} data-testid="settings-save">
            {s('save')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The workspace's top-bar entry. */
export function SettingsButton({ info, onInfo }: { info: ProjectInfo; onInfo: (info: ProjectInfo) => void }) {
  const s = useSettingsT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="top-btn" onClick={() => setOpen(true)} title={s('button.title')} data-testid="settings-button">
        {s('button')}
      </button>
      {/* Out of the top bar, so the dialog takes the page's styles, not the bar's. */}
      {open && createPortal(<SettingsDialog info={info} onClose={() => setOpen(false)} onSaved={onInfo} />, document.body)}
    </>
  );
}
