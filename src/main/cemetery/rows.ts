// Reading whole tables of the open project for the register: every live row, page by page.
import type { Row, TableName } from '../../shared/model';
import type { ProjectStore } from '../store';

type Filter = Record<string, string | number | boolean | null>;

const PAGE = 50_000;

export function allRows(store: ProjectStore, table: TableName, filter: Filter = {}): Row[] {
  const out: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = store.query(table, { filter, limit: PAGE, offset });
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
