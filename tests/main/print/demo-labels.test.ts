// Names at every scale on the demo: printed through the print services, the sheet's display list
// and its PDF text hold every search-area code, river, stream and road name and settlement name of
// the area, and the composer drops none of them.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootServices } from '../../support/boot-services';
import type { Output } from '../../../src/shared/api';
import type { SheetSettingsInput } from '../../../src/shared/print';

const boot = () => bootServices({ prefix: 'quytap-print-names-' });

interface Named {
  table: string;
  text: string;
  commune: string;
}

describe('names on the demo sheets', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  let named: Named[];
  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
    const db = new Database(info.path, { readonly: true });
    named = [
      ...db.prepare("SELECT 'search_areas' AS \"table\", code AS text, commune_code AS commune FROM search_areas").all(),
      ...db.prepare("SELECT 'base_lines' AS \"table\", coalesce(number, name) AS text, '' AS commune FROM base_lines WHERE kind IN ('river', 'stream', 'road') AND coalesce(number, name, '') <> ''").all(),
      ...db.prepare("SELECT 'base_points' AS \"table\", name AS text, commune_code AS commune FROM base_points WHERE kind LIKE 'settlement%' AND name <> ''").all(),
    ] as Named[];
    db.close();
  }, 120_000);

  const labelsOf = (r: Output<'print.compose'>) => r.list.items.flatMap((i) => (i.kind === 'text' && i.role === 'feature-label' ? [i.text] : []));

  // The demo's river runs through Nam Đà (its road and stream do not).
  const sheets: { name: string; area: SheetSettingsInput['area']; paper: 'A3' | 'A0'; commune: string | null; lines: string[] | null }[] = [
    { name: 'Nam Đà on A3 fit', area: { kind: 'communes', communes: ['Nam Đà'] }, paper: 'A3', commune: '24697', lines: ['Sông Krông Nô (dữ liệu minh họa)'] },
    { name: 'the district on A0 fit', area: { kind: 'all' }, paper: 'A0', commune: null, lines: null },
  ];
  for (const c of sheets) {
    it(`${c.name}: every area code, river, stream, road and settlement name is printed, none dropped`, async () => {
      const settings = { paper: c.paper, area: c.area, scale: 'fit' } as const;
      const r = await env.call('print.compose', { settings });
      expect(r.report.droppedLabels).toEqual([]);
      const mine = named.filter((n) => (n.table === 'base_lines' ? c.lines === null || c.lines.includes(n.text) : c.commune === null || n.commune === c.commune));
      expect(mine.filter((n) => n.table === 'search_areas').length).toBeGreaterThanOrEqual(10);
      expect(mine.filter((n) => n.table === 'base_lines').length).toBeGreaterThanOrEqual(c.lines ? c.lines.length : 3);
      const labels = new Set(labelsOf(r));
      for (const n of mine) expect(labels.has(n.text), `${n.table}: ${n.text}`).toBe(true);

      const pdf = await env.call('print.pdf', { settings, fileName: `ten-${c.paper}` });
      await env.services.jobs.wait(pdf.job.id);
      const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
      // Names along a slanted line come out of pdftotext word by word, not in reading order.
      const words = new Set(text.split(/\s+/));
      for (const n of mine) {
        if (n.table === 'search_areas') expect(text, n.text).toContain(n.text);
        else for (const w of n.text.split(/\s+/)) expect(words.has(w), `${n.text}: ${w}`).toBe(true);
      }
    }, 120_000);
  }
});
