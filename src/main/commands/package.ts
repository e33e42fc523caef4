// quytap package export <project> [--commune MÃ …] --out goi.gpkg
// quytap package merge <project> <goi.gpkg> [--keep ours|theirs] [--dry-run]
// Commune packages from the command line, with the app's own rules (store/exchange-package.ts,
// io/package-merge.ts): a package carries its rows' history, and a merge takes what the other side
// moved on, keeps what we moved on, and stops at a row both changed unless told which side to keep.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { applyMerge, planMerge, type Decision, type MergePlan } from '../io/package-merge';
import { ProjectStore } from '../store';
import { author, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap package export <dự-án.gpkg> [--commune MÃ …] --out gói.gpkg
  quytap package merge <dự-án.gpkg> <gói.gpkg> [--keep ours|theirs] [--dry-run]
  export: gói dữ liệu của các xã (mặc định cả dự án), kèm lịch sử từng đối tượng · a package of the communes' rows with their history
  merge: gộp gói vào dự án; đối tượng cả hai bên cùng sửa là xung đột: dừng lại và liệt kê, trừ khi có --keep
         (ours = giữ bản của dự án, theirs = lấy bản trong gói) · rows changed on both sides stop the merge unless --keep says which side wins
  --dry-run: chỉ in kế hoạch gộp, không ghi · print the plan only`;

export async function packageCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    { commune: { type: 'string', multiple: true }, out: { type: 'string' }, keep: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    USAGE,
  );
  if (!parsed) return;
  const [sub, project, file] = parsed.positionals;
  if (sub === 'export' && project && parsed.values.out) return exportPackage(project, parsed.values.commune ?? null, parsed.values.out);
  if (sub === 'merge' && project && file) return mergePackage(project, file, parsed.values.keep, parsed.values['dry-run'] === true);
  console.error(USAGE);
  process.exit(2);
}

function exportPackage(project: string, communes: string[] | null, out: string): void {
  const target = resolve(out);
  if (existsSync(target))
    throw new ApiError('conflict', `Tệp "${basename(target)}" đã có; QuyTap không ghi đè. Hãy chọn tên khác.`, `"${basename(target)}" already exists; QuyTap never overwrites. Choose another name.`);
  // A reader: the package is a copy (VACUUM INTO), so the app may keep the project open meanwhile.
  const store = ProjectStore.open(resolve(project), { access: 'read' });
  try {
    const known = new Set(store.query('admin_units', { limit: 10_000 }).rows.filter((r) => r.props.level === 'commune').map((r) => String(r.props.code)));
    const unknown = (communes ?? []).filter((c) => !known.has(c));
    if (unknown.length)
      throw new ApiError('validation', `Dự án không có xã mã ${unknown.join(', ')}. Xem mã xã bằng "quytap info".`, `The project has no commune coded ${unknown.join(', ')}. See the codes with "quytap info".`);
    const info = store.exchange().writePackage(target, communes, { author: author(), source: basename(store.path) });
    console.log(`Đã tạo gói / package written: ${target} (${communes ? `xã / communes ${communes.join(', ')}` : 'cả dự án / whole project'}; mã gói / id ${info.id})`);
  } finally {
    store.close();
  }
}

function printPlan(plan: MergePlan): void {
  const kinds = (k: string) => plan.changes.filter((c) => c.kind === k).length;
  console.log(
    `Gói / package ${plan.packageId}: thêm / insert ${kinds('insert')}, sửa / update ${kinds('update')}, xoá / delete ${kinds('delete')}, ` +
      `xung đột / conflicts ${plan.conflicts.length}, không đổi / unchanged ${plan.unchanged}`,
  );
  for (const c of plan.conflicts) {
    const name = String(c.ours.props.name ?? c.ours.props.full_name ?? c.id);
    console.log(
      `  xung đột / conflict ${c.table}/${c.id} "${name}": dự án / ours ${c.ours.meta.updatedBy} ${c.ours.meta.updatedAt}${c.ours.meta.deleted ? ' (đã xoá / deleted)' : ''}` +
        ` · gói / theirs ${c.theirs.meta.updatedBy} ${c.theirs.meta.updatedAt}${c.theirs.meta.deleted ? ' (đã xoá / deleted)' : ''}`,
    );
  }
}

function mergePackage(project: string, file: string, keep: string | undefined, dryRun: boolean): void {
  if (keep !== undefined && keep !== 'ours' && keep !== 'theirs')
    throw new ApiError('validation', `--keep nhận "ours" (giữ bản của dự án) hoặc "theirs" (lấy bản trong gói), không phải "${keep}".`, `--keep takes "ours" or "theirs", not "${keep}".`);
  const store = ProjectStore.open(resolve(project));
  // The package is opened from a copy: opening a project file may write to it (WAL, migrations).
  const tmp = mkdtempSync(join(tmpdir(), 'quytap-pkg-'));
  try {
    copyFileSync(resolve(file), join(tmp, 'package.gpkg'));
    const pkg = ProjectStore.open(join(tmp, 'package.gpkg'));
    let plan: MergePlan;
    try {
      plan = planMerge(store, pkg);
    } finally {
      pkg.close();
    }
    printPlan(plan);
    if (dryRun) return;
    if (plan.conflicts.length && !keep) {
      console.error(
        `Chưa gộp: ${plan.conflicts.length} đối tượng được sửa ở cả hai bên. Chạy lại với --keep ours hoặc --keep theirs, hoặc gộp trong ứng dụng để chọn từng đối tượng. Dự án không bị thay đổi.\n` +
          `Not merged: ${plan.conflicts.length} rows were changed on both sides. Run again with --keep ours or --keep theirs, or merge in the app to choose row by row. The project was not changed.`,
      );
      process.exitCode = 3;
      return;
    }
    const decisions: Record<string, Decision> = Object.fromEntries(plan.conflicts.map((c) => [`${c.table}/${c.id}`, keep as Decision]));
    const r = applyMerge(store, plan, decisions, author(), basename(file));
    console.log(r ? `Đã gộp / merged: ${r.rows.length} đối tượng / rows (một bước hoàn tác được / one undoable step)` : 'Không có gì thay đổi / nothing to change');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    store.close();
  }
}
