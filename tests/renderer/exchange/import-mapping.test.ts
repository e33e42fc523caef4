// The wizard's field list is a dependency of the preview effect (through typedDefaults): before a
// target table is chosen it must be the same list on every render, or the first file's preview is
// asked for twice (the first answer thrown away as stale).
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/shared/model/tables';
import { tableFields } from '../../../src/renderer/exchange/import/useImportMapping';

describe('import wizard: the target table fields', () => {
  it('is one and the same empty list while no table is chosen', () => {
    const first = tableFields(null);
    expect(first).toEqual([]);
    expect(tableFields(null)).toBe(first);
  });

  it("is the chosen table's own field list", () => {
    const table = Object.keys(TABLES)[0] as keyof typeof TABLES;
    expect(tableFields(table)).toBe(TABLES[table].fields);
  });
});
