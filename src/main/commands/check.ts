// quytap check <project.gpkg> [--commune CODE …] [--distance M] [--lang vi|en]
// Prints one line per finding (severity, rule, feature, message); exits 1 when an error is found,
// so it can run unattended (a nightly job, a script before sending the file to the province).
import { resolve } from 'node:path';
import { loadAllRows, runChecks } from '../review/run-checks';
import { ProjectStore } from '../store';
import { minGraveDistance } from '../services/review';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage: quytap check <tệp.gpkg> [--commune MÃ …] [--distance MÉT] [--lang vi|en]
  In mỗi phát hiện một dòng: mức độ, quy tắc, đối tượng, nội dung. Mã thoát 1 nếu có lỗi.
  One line per finding: severity, rule, feature, message. Exit code 1 when an error is found.`;

export async function checkCommand(args: string[]): Promise<void> {
  // `quytap check … | head` closes the pipe early: that is not a failure of the check.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const parsed = parseCommandArgs(args, { commune: { type: 'string', multiple: true }, distance: { type: 'string' }, lang: { type: 'string', default: 'vi' } }, USAGE);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const distance = values.distance === undefined ? null : Number(values.distance);
  if (distance !== null && !(Number.isFinite(distance) && distance >= 0)) {
    console.error(`--distance phải là số mét ≥ 0 / --distance must be metres ≥ 0: ${values.distance}`);
    process.exit(2);
  }
  const en = values.lang === 'en';
  const store = ProjectStore.open(resolve(positionals[0]), { access: 'read' }); // a reader: works while the app has it open
  try {
    const settings = store.getSettings();
    const known = new Set(settings.communes.map((c) => c.code));
    for (const c of values.commune ?? [])
      if (!known.has(c)) {
        console.error(`Dự án không có xã mã ${c} / no commune with code ${c}. Có / known: ${[...known].join(', ')}`);
        process.exit(2);
      }
    const findings = await runChecks(
      { rows: loadAllRows(store), settings, minGraveDistance: distance ?? minGraveDistance(store), domain: store.domain },
      { communes: values.commune?.length ? values.commune : null },
    );
    for (const f of findings) {
      const sev = en ? f.severity.toUpperCase() : f.severity === 'error' ? 'LỖI' : 'CẢNH BÁO';
      const feature = f.table ? `${f.table}/${f.id}` : '-';
      console.log([sev, f.rule, f.communeCode ?? '-', feature, en ? f.en : f.vi].join('\t'));
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    console.error(en ? `${errors} error(s), ${warnings} warning(s).` : `${errors} lỗi, ${warnings} cảnh báo.`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    store.close();
  }
}
