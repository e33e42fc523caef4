// What a district signs: a project made through project.create, its settings filled through
// project.updateSettings, printed through the real services; pdftotext reads the sheet back. The
// organisation header, units, place and date in Vietnamese form, every signature block, the stamp
// line, the draft mark until the commune is approved, then the approval line; and a historical
// sheet of the demo titled with the district and province of its date.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootServices } from '../../support/boot-services';

const boot = () => bootServices({ prefix: 'quytap-sheet-settings-' });
type Env = Awaited<ReturnType<typeof boot>>;
let lastPdf = '';

async function printText(env: Env, settings: Record<string, unknown>, fileName: string): Promise<string> {
  const r = await env.call('print.pdf', { settings, fileName });
  await env.services.jobs.wait(r.job.id);
  // Lines joined: pdftotext may break a wrapped title or note anywhere.
  lastPdf = r.path;
  return execFileSync("pdftotext", [r.path, "-"], { encoding: "utf8" });
}
const flat = (t: string) => t.replace(/\s+/g, ' ');

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]],
});

describe('the sheet a district signs', () => {
  let env: Env;
  const sheet = { paper: 'A3', area: { kind: 'communes', communes: ['X1'] }, scale: 'fit' };

  beforeAll(async () => {
    env = await boot();
    await env.call('project.create', {
      fileName: 'krong-no.gpkg',
      settings: { title: 'BẢN ĐỒ THỬ', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: 'X1', name: 'Đắk Mâm' }] },
    });
    await env.call('edits.apply', {
      label: 'ranh giới xã',
      put: [{ table: 'admin_units', geometry: square(430_000, 1_370_000, 436_000, 1_376_000), props: { code: 'X1', name: 'Đắk Mâm', level: 'commune' } }],
    });
    await env.call('project.updateSettings', {
      district: { code: '664', name: 'Krông Nô' },
      organisation: ['Bộ Chỉ huy Quân sự tỉnh Đắk Nông', 'Ban Chỉ huy Quân sự huyện Krông Nô'],
      producingAgency: 'Ban CHQS huyện Krông Nô',
      reviewingOrganisation: 'Bộ CHQS tỉnh Đắk Nông',
      place: 'Krông Nô',
      dataSources: 'Kết luận địa bàn các xã năm 2019',
      sheetDate: '2019-06-20',
      signatures: [
        { role: 'drawn_by', title: 'Người lập', name: 'Nguyễn Văn An' },
        { role: 'checked_by', title: 'Trợ lý chính sách', name: 'Trần Văn Bình' },
        { role: 'approved_by', title: 'Chỉ huy trưởng', name: 'Lê Văn Cường' },
      ],
    });
  }, 120_000);

  it('prints the organisation, units, place and date, every signature and the draft mark', async () => {
    const t = flat(await printText(env, sheet, 'du-thao'));
    if (process.env.KEEP_PDF) execFileSync('cp', [lastPdf, process.env.KEEP_PDF]);
    expect(t).toContain('BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG');
    expect(t).toContain('BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ');
    expect(t).toContain('XÃ ĐẮK MÂM – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    expect(t).toContain('Đơn vị thành lập: Ban CHQS huyện Krông Nô');
    expect(t).toContain('Nguồn dữ liệu: Kết luận địa bàn các xã năm 2019');
    expect(t).toContain('Krông Nô, ngày 20 tháng 6 năm 2019');
    expect(t).not.toContain('2019-06-20');
    for (const s of ['NGƯỜI LẬP', 'Nguyễn Văn An', 'TRỢ LÝ CHÍNH SÁCH', 'Trần Văn Bình', 'CHỈ HUY TRƯỞNG', 'Lê Văn Cường']) expect(t).toContain(s);
    expect(t.match(/\(Ký, ghi rõ họ tên\)/g)).toHaveLength(2);
    expect(t.match(/\(Ký, đóng dấu\)/g)).toHaveLength(1);
    expect(t).toContain('BẢN DỰ THẢO');
    expect(t).not.toContain('Đã phê duyệt');
  });

  it('an approved commune prints the approval day and the reviewing unit instead of the draft mark', async () => {
    await env.call('session.setOperator', { name: 'Cán bộ xã', role: 'commune_staff', communeCode: 'X1' });
    await env.call('review.act', { communeCode: 'X1', act: 'submit' });
    expect(flat(await printText(env, sheet, 'da-nop'))).toContain('BẢN DỰ THẢO');
    await env.call('session.setOperator', { name: 'Trợ lý tỉnh', role: 'reviewer', communeCode: null });
    const approved = await env.call('review.act', { communeCode: 'X1', act: 'approve' });
    const day = new Date(Date.parse(approved.updatedAt!) + 7 * 3600_000).toISOString().slice(0, 10);
    const [y, m, d] = day.split('-');
    const t = flat(await printText(env, sheet, 'da-duyet'));
    expect(t).not.toContain('BẢN DỰ THẢO');
    expect(t).toContain(`Đã phê duyệt ngày ${d} tháng ${Number(m) < 3 ? m : Number(m)} năm ${y} – Bộ CHQS tỉnh Đắk Nông`);
  });
});

describe('a historical sheet of the demo', () => {
  let env: Env;
  beforeAll(async () => {
    env = await boot();
    await env.call('project.openDemo', {});
  }, 120_000);

  it('on 2019-06-20 is titled with the district and province of that day, today with today’s', async () => {
    const then = flat(await printText(env, { paper: 'A3', area: { kind: 'all' }, mapDate: '2019-06-20' }, 'krong-no-2019'));
    expect(then).toContain('HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    expect(then).toContain('Địa giới, địa danh hành chính theo ngày 20 tháng 6 năm 2019');
    expect(then).not.toContain('LÂM ĐỒNG');
    const commune = flat(await printText(env, { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, mapDate: '2019-06-20' }, 'nam-da-2019'));
    expect(commune).toContain('XÃ NAM ĐÀ (ĐỊA GIỚI NAY) – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    const now = flat(await printText(env, { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] } }, 'nam-da-nay'));
    expect(now).toContain('XÃ NAM ĐÀ – TỈNH LÂM ĐỒNG');
    expect(now).not.toContain('ĐẮK NÔNG');
  });
});
