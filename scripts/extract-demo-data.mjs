#!/usr/bin/env node
// Copies into assets/demo/ the part of ../shared/data/real that the demo project reads, so a clone
// builds the demo on its own. Run once when the upstream files change; the output is committed.
//   node scripts/extract-demo-data.mjs [source-dir]      (default ../shared/data/real)
// Geometry is kept exactly (JSON numbers round-trip); only whitespace, the records the demo does not
// read and the geometry of the raw scrape (xa2434: the demo reads one attribute) are left out.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = process.argv[2] ?? join(root, '../shared/data/real');
const to = join(root, 'assets/demo');
const TL = 'thanglequoc-vietnamese-provinces-database';
const DV = 'daohoangson-dvhcvn';

const read = (p) => JSON.parse(readFileSync(join(from, p), 'utf8'));
const write = (p, j) => {
  mkdirSync(join(to, p, '..'), { recursive: true });
  writeFileSync(join(to, p), JSON.stringify(j) + '\n');
  console.log(`${p}\t${Buffer.byteLength(JSON.stringify(j))} bytes`);
};

for (const f of ['24678_dak_sak', '24688_krong_no', '24697_nam_da', '24703_nam_nung', '24712_quang_phu', '68_lam_dong'])
  write(`${TL}/${f}.geojson`, read(`${TL}/${f}.geojson`));

// The raw scrape of Xã Krông Nô: the demo reads only a05_truocsn (the communes it replaced).
const raw = read(`${TL}/xa2434.geojson`);
write(`${TL}/xa2434.geojson`, {
  type: raw.type,
  features: raw.features.map((f) => ({ type: f.type, properties: f.properties, geometry: null })),
});

// dvhcvn's Đắk Nông file: the province's own boundary (the former province, for 2019 sheets) and
// only the former Krông Nô district (level2_id 664), in the file's own shape.
const dn = read(`${DV}/67.json`);
write(`${DV}/67.json`, {
  level1_id: dn.level1_id,
  name: dn.name,
  type: dn.type,
  bbox: dn.bbox,
  coordinates: dn.coordinates,
  level2s: dn.level2s.filter((l) => String(l.level2_id) === '664'),
});
