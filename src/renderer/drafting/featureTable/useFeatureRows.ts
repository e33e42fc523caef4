// The feature table's rows of one layer (at most LIMIT), what is shown of them, and the checked ones.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Row } from '../../../shared/model/rows';
import { CLASS_FIELD, type FeatureTableName } from '../../../shared/symbology';
import { useApi, useErrorToast } from '../../components/common';
import { useI18n } from '../../i18n';
import { filterRows, sortRows, type Sort } from './rows';

export const LIMIT = 5000;

export function useFeatureRows(table: FeatureTableName, communeCode: string | null, reloadTick: number) {
  const api = useApi();
  const { lang } = useI18n();
  const showError = useErrorToast();
  const [rows, setRows] = useState<Row[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [search, setSearch] = useState('');
  const [classFilter, setClassFilter] = useState('');
  const [onlyCommune, setOnlyCommune] = useState(false);
  const [sort, setSort] = useState<Sort | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const classField = CLASS_FIELD[table].field;

  const load = useCallback(() => {
    api
      .invoke('features.query', { table, limit: LIMIT })
      .then((r) => {
        setRows(r.rows.filter((x) => !x.meta.deleted));
        setTruncated(r.truncated);
      })
      .catch(showError);
  }, [api, table, showError]);
  useEffect(() => {
    setChecked(new Set());
    setClassFilter('');
    setSort(null);
  }, [table]);
  useEffect(load, [load, reloadTick]);

  const shown = useMemo(() => {
    const out = filterRows(rows, { search, classField, classFilter, commune: onlyCommune ? communeCode : null });
    return sort ? sortRows(out, sort, lang) : out;
  }, [rows, search, classFilter, onlyCommune, communeCode, sort, classField, lang]);

  return { rows, truncated, load, shown, search, setSearch, classField, classFilter, setClassFilter, onlyCommune, setOnlyCommune, sort, setSort, checked, setChecked };
}

export type FeatureRows = ReturnType<typeof useFeatureRows>;
