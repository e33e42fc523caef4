// Base data the sheet needs: every commune of the project (and every commune code used by its
// features) must have its boundary in admin_units, or the sheet has no frame and nothing can be
// checked against the commune.
import type { FindingInput } from '../../../shared/review/finding';
import { COMMUNE_FEATURE_TABLES, communeOf, finding, rowsOf, type CheckEnv } from '../check-data';

/** The project's communes, then any other commune code the features use. */
export function communesInScope(env: CheckEnv): { code: string; name: string }[] {
  const out = new Map<string, string>();
  for (const c of env.data.settings.communes) if (c.code) out.set(c.code, c.name);
  for (const t of COMMUNE_FEATURE_TABLES)
    for (const r of rowsOf(env, t)) {
      const code = communeOf(r);
      if (code && !out.has(code)) out.set(code, String(env.communes.get(code)?.row.props.name ?? code));
    }
  return [...out].map(([code, name]) => ({ code, name }));
}

export function checkBaseBoundary(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  for (const { code, name } of communesInScope(env)) {
    if (env.communes.has(code)) continue;
    out.push(
      finding(
        'base.no_boundary',
        null,
        `Chưa có ranh giới xã ${name} (mã ${code}) trong lớp địa giới hành chính.`,
        `No boundary for commune ${name} (code ${code}) in the administrative units.`,
        {
          communeCode: code,
          extent: null,
        },
      ),
    );
  }
  return out;
}
