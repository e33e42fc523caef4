// Graves in a project file (a hall snapshot, a copy), read from that file alone after SQLite's own
// integrity check: a copy that is not whole fails the test before it is counted.
import { expect } from 'vitest';
import { openReadOnly } from '../../../src/main/store/connection';

export function gravesIn(file: string): number {
  const db = openReadOnly(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT count(*) AS n FROM graves').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
