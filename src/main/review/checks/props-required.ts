// Required attributes missing or values the table does not accept (the shared validateProps, the
// same rules the forms and the store apply; rows imported by other tools may still break them).
import { TABLE_NAMES, validateProps } from '../../../shared/model';
import type { FindingInput } from '../../../shared/review/finding';
import { finding, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

export function checkPropsRequired(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  for (const table of TABLE_NAMES) {
    for (const row of rowsOf(env, table)) {
      const issues = validateProps(table, row.props);
      if (!issues.length) continue;
      out.push(
        finding(
          'props.required',
          row,
          `${label(row)}: ${issues.map((i) => i.vi).join('; ')}.`,
          `${labelEn(row)}: ${issues.map((i) => i.en).join('; ')}.`,
        ),
      );
    }
  }
  return out;
}
