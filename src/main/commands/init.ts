// quytap init <file.gpkg> --title "…" --province "Đắk Nông" [--crs EPSG:9218] [--commune CODE:Name …]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultCrsForProvince } from '../../shared/crs/catalogue';
import { ProjectSettingsSchema, DEFAULT_SIGNATURES } from '../../shared/model';
import { crsForStore } from '../services/crs';
import { ProjectStore } from '../store';
import { author, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap init <tệp.gpkg> --province "Đắk Nông" [--title "…"] [--crs EPSG:9218] [--commune MÃ:Tên …]
  Tạo dự án mới, hệ tọa độ VN-2000 múi 3° của tỉnh (hoặc --crs) · a new project in the province's VN-2000 TM-3 zone (or --crs).`;

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

export async function initCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    {
      title: { type: 'string' },
      province: { type: 'string' },
      crs: { type: 'string' },
      commune: { type: 'string', multiple: true },
    },
    USAGE,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  const file = positionals[0] ?? fail('Thiếu tên tệp / missing file name\n\n' + USAGE);
  if (existsSync(file)) fail(`Tệp đã tồn tại, không ghi đè / file exists, not overwritten: ${file}`);
  const province = values.province ?? fail('Thiếu --province / missing --province');
  const code =
    values.crs ??
    defaultCrsForProvince(province)?.code ??
    fail(`Không biết kinh tuyến trục của tỉnh "${province}": hãy chỉ định --crs / unknown province, give --crs`);
  const communes = (values.commune ?? []).map((s) => {
    const [c, ...n] = s.split(':');
    return { code: c, name: n.join(':') || c };
  });
  const settings = ProjectSettingsSchema.parse({
    title: values.title ?? `BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ TỈNH ${province.toUpperCase()}`,
    province: { code: '', name: province },
    communes,
    signatures: DEFAULT_SIGNATURES,
  });
  const { store: crs } = crsForStore(code);
  ProjectStore.create(resolve(file), crs, settings, author()).close();
  console.log(`Đã tạo dự án / created: ${resolve(file)} (${code})`);
}
