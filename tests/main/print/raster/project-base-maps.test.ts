// Base maps stored IN the project (added through the base-map feature) printed through the print
// services: the visible ones by default, none when the sheet asks for none, at the project's
// opacity; an unknown id is refused before any job starts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageItem, SheetSettingsInput } from '../../../../src/shared/print';
import { bootWithProject, makeTestTiffs, MBTILES_RASTER } from '../../basemaps/helpers';

let env: Awaited<ReturnType<typeof bootWithProject>>;
let id: string;
let colourful: string;
// Krông Nô in Đắk Nông's TM-3 zone: the stored COG (world.byte.tif cut and warped) covers it.
const settings: SheetSettingsInput = { paper: 'A4', orientation: 'landscape', area: { kind: 'extent', extent: [410_000, 1_350_000, 450_000, 1_390_000] }, scale: 'fit' };

beforeAll(async () => {
  env = await bootWithProject('quytap-print-basemap-');
  const tiffs = makeTestTiffs(join(env.dir, 'tiffs'));
  id = await env.add(env.put(tiffs.cog));
  // Hidden at first: the other tests print the COG alone.
  colourful = await env.add(env.put(MBTILES_RASTER));
  await env.call('basemaps.update', { id: colourful, visible: false });
}, 120_000);

const imagesOf = (items: { kind: string }[]) => items.filter((i): i is ImageItem => i.kind === 'image');
const meanGrey = (ims: ImageItem[]) => {
  let s = 0;
  let n = 0;
  for (const im of ims) {
    const px = jpeg.decode(Buffer.from(im.data, 'base64'), { useTArray: true });
    for (let i = 0; i < px.data.length; i += 4) s += px.data[i];
    n += px.data.length / 4;
  }
  return s / n;
};

describe('printing the project’s base maps', () => {
  it('the preview shows the visible base map under the map and names it; [] prints none', async () => {
    const withMap = await env.call('print.compose', { settings });
    const ims = imagesOf(withMap.list.items);
    expect(ims.length).toBeGreaterThan(0);
    expect(withMap.list.items.findIndex((i) => i.kind === 'image')).toBe(withMap.list.items.findIndex((i) => i.kind === 'clip-begin') + 1);
    const notes = withMap.list.items.filter((i) => i.kind === 'text' && i.role === 'note').map((i) => (i as { text: string }).text).join(' ');
    expect(notes).toMatch(/bản đồ nền: kn-tm3-cog/i);
    const none = await env.call('print.compose', { settings: { ...settings, baseMaps: [] } });
    expect(imagesOf(none.list.items)).toEqual([]);
  });

  it('hidden base maps are not printed unless the sheet names them; opacity lightens the print', async () => {
    // The colourful MBTiles, named by the sheet although hidden in the layer list.
    const only = { ...settings, baseMaps: [colourful] };
    const full = meanGrey(imagesOf((await env.call('print.compose', { settings: only })).list.items));
    expect(full).toBeLessThan(230);
    await env.call('basemaps.update', { id: colourful, opacity: 0.3 });
    const faint = meanGrey(imagesOf((await env.call('print.compose', { settings: only })).list.items));
    // 30% of the ink: paper white takes back 70% of what separated the colours from white.
    expect(faint).toBeCloseTo(255 - 0.3 * (255 - full), -0.5);
    await env.call('basemaps.update', { id, visible: false, opacity: 1 });
    expect(imagesOf((await env.call('print.compose', { settings })).list.items)).toEqual([]);
    expect(imagesOf((await env.call('print.compose', { settings: { ...settings, baseMaps: [id] } })).list.items).length).toBeGreaterThan(0);
    await env.call('basemaps.update', { id, visible: true });
  });

  it('print.pdf writes the base map as JPEG images; an unknown base map is refused before the job', async () => {
    const { job, path } = await env.call('print.pdf', { settings, fileName: 'nen' });
    await env.services.jobs.wait(job.id);
    expect(execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })).toMatch(/ jpeg /);
    expect(readFileSync(path).length).toBeGreaterThan(0);
    const err = await env.callErr('print.pdf', { settings: { ...settings, baseMaps: ['00000000-0000-4000-8000-000000000000'] }, fileName: 'khong' });
    expect(err.code).toBe('not_found');
    expect(err.vi.length).toBeGreaterThan(0);
  });
});
