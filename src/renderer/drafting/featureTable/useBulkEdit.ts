// Bulk edit: one field of the checked rows set to one value, as ONE edit (one undo step); nothing is
// sent if one row would be refused.
import { useEffect, useState } from 'react';
import type { PropValue, Row } from '../../../shared/model/rows';
import { TABLES, type FieldDef } from '../../../shared/model/tables';
import { validateProps } from '../../../shared/model/validate-props';
import type { FeatureTableName } from '../../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useI18n } from '../../i18n';
import { useD } from '../dict';
import { bulkValue } from './rows';
import type { FeatureRows } from './useFeatureRows';

export function useBulkEdit(table: FeatureTableName, data: FeatureRows) {
  const api = useApi();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const refused = useRefusal(table);
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  useEffect(() => setField(''), [table]);
  const def = (TABLES[table].fields as readonly FieldDef[]).find((f) => f.name === field);

  const apply = async () => {
    if (!def || data.checked.size === 0) return;
    const v = bulkValue(def, value);
    const targets = data.rows.filter((r) => data.checked.has(r.id));
    if (refused(targets, def, v)) return;
    try {
      await api.invoke('edits.apply', {
        label: `Sửa hàng loạt ${def.vi} (${targets.length})`,
        put: targets.map((r) => ({ table, id: r.id, baseVersion: r.meta.version, props: { [def.name]: v } })),
      });
      toast(d('table.bulkDone', { n: targets.length }), 'success');
      data.load();
    } catch (e) {
      showError(e);
    }
  };
  return { field, setField, value, setValue, def, apply };
}

export type BulkEdit = ReturnType<typeof useBulkEdit>;

/** Checks every row as it would be after the change; says why the first refused one is, if any. */
function useRefusal(table: FeatureTableName) {
  const { lang } = useI18n();
  const d = useD();
  const toast = useToast();
  return (targets: Row[], def: FieldDef, v: PropValue): boolean => {
    for (const r of targets) {
      const issues = validateProps(table, { ...r.props, [def.name]: v });
      if (issues.length) {
        toast(d('form.blocked', { msg: lang === 'en' ? issues[0]!.en : issues[0]!.vi }), 'error');
        return true;
      }
    }
    return false;
  };
}
