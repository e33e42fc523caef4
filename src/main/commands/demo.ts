// quytap demo [--out file.gpkg] [--force]: builds the demo project (real boundaries from
// assets/demo, invented content marked "dữ liệu minh họa").
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDemoProject, DEMO_FILE_NAME } from '../services/demo-project';
import { author, defaultProjectsDir, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap demo [--out tệp.gpkg] [--force]
  Tạo dự án mẫu Krông Nô (ranh giới thật, nội dung minh họa); mặc định trong thư mục dự án; --force tạo lại.
  Builds the Krông Nô demo project (real boundaries, invented content); default in the projects folder; --force rebuilds.`;

export async function demoCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, force: { type: 'boolean' } }, USAGE, false);
  if (!parsed) return;
  const { values } = parsed;
  const out = resolve(values.out ?? join(defaultProjectsDir(), DEMO_FILE_NAME));
  mkdirSync(resolve(out, '..'), { recursive: true });
  if (existsSync(out)) {
    if (!values.force) {
      console.error(`Tệp đã tồn tại / exists: ${out} (dùng --force để tạo lại)`);
      process.exit(2);
    }
    for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
  }
  await createDemoProject(out, { author: author(), onProgress: (d, t, m) => console.log(`[${d}/${t}] ${m}`) });
  console.log(`Đã tạo dự án mẫu (dữ liệu minh họa) / demo project: ${out}`);
}
