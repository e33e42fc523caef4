// The demo's invented records (build-demo.ts): per commune five martyrs, three information forms
// and the commune's conclusion, with the links that tie them to its graves and search areas.
// Each kind is a function of its own; they draw from the one random stream in the demo's order.
import type { Put } from '../../shared/model';
import { DEMO_MARK, FAMILY, GIVEN, HOMETOWNS, MIDDLE, VILLAGES, type Demo, type DemoCommune } from './demo-context';
import type { CommuneIds } from './demo-features';

export interface DemoRecords {
  martyrs: Put[];
  forms: Put[];
  conclusions: Put[];
  links: Put[];
}

type Link = (from_table: string, from_id: string, to_table: string, to_id: string, role: string) => Put;

export function makeRecords(d: Demo, communes: readonly DemoCommune[], byCommune: CommuneIds, graves: readonly Put[]): DemoRecords {
  const r: DemoRecords = { martyrs: [], forms: [], conclusions: [], links: [] };
  const link: Link = (from_table, from_id, to_table, to_id, role) => ({
    table: 'links',
    id: d.uuid(),
    props: { from_table, from_id, to_table, to_id, role },
  });
  for (const c of communes) {
    const mine = byCommune.get(c.code)!;
    martyrs(d, c, mine.graves, r, link);
    forms(d, c, mine.graves, r, link);
    const familyCared = graves.filter((g) => g.props?.commune_code === c.code && g.props?.kind === 'family_cared').length;
    const cid = conclusion(d, c, familyCared, r);
    for (const a of mine.areas) r.links.push(link('search_areas', a, 'conclusions', cid, 'concludes'));
    // Graves without a form of their own rest on the commune's conclusion.
    mine.graves.forEach((g, i) => {
      if (i < 5 || i > 7) r.links.push(link('graves', g, 'conclusions', cid, 'concludes'));
    });
  }
  return r;
}

function martyrs(d: Demo, c: DemoCommune, graveIds: readonly string[], r: DemoRecords, link: Link): void {
  for (let i = 0; i < 5; i++) {
    const mid = d.uuid();
    r.martyrs.push({
      table: 'martyrs',
      id: mid,
      props: {
        full_name: `${d.pick(FAMILY)} ${d.pick(MIDDLE)} ${d.pick(GIVEN)}`,
        birth_year: 1940 + Math.floor(d.rand() * 15),
        hometown: d.pick(HOMETOWNS),
        unit: `Đơn vị minh họa ${DEMO_MARK}`,
        death_date: `${1966 + Math.floor(d.rand() * 9)}`,
        death_place: `Xã ${c.name} ${DEMO_MARK}`,
        list_source: DEMO_MARK,
        recovered: i % 2 === 0,
        commune_code: c.code,
        notes: `Hồ sơ minh họa, không phải người thật ${DEMO_MARK}`,
      },
    });
    r.links.push(link('graves', graveIds[i], 'martyrs', mid, 'buried_here'));
  }
}

function forms(d: Demo, c: DemoCommune, graveIds: readonly string[], r: DemoRecords, link: Link): void {
  for (let i = 0; i < 3; i++) {
    const fid = d.uuid();
    r.forms.push({
      table: 'info_forms',
      id: fid,
      props: {
        number: `${c.code}/01-${String(i + 1).padStart(3, '0')}`,
        village: d.pick(VILLAGES),
        date_received: `2019-0${3 + i}-1${i}`,
        informant_name: `${d.pick(FAMILY)} ${d.pick(MIDDLE)} ${d.pick(GIVEN)} ${DEMO_MARK}`,
        informant_birth_year: 1935 + Math.floor(d.rand() * 20),
        informant_relation: 'Cựu chiến binh (minh họa)',
        content: `Thông tin minh họa về nơi an táng ban đầu ${DEMO_MARK}`,
        verification: 'verified_with_grounds',
        commune_code: c.code,
      },
    });
    r.links.push(link('graves', graveIds[5 + i], 'info_forms', fid, 'source'));
  }
}

/** The commune's conclusion; returns its id. */
function conclusion(d: Demo, c: DemoCommune, familyCared: number, r: DemoRecords): string {
  const initially = 10 + Math.floor(d.rand() * 30);
  const recovered = Math.floor(initially * 0.6);
  const cid = d.uuid();
  r.conclusions.push({
    table: 'conclusions',
    id: cid,
    props: {
      level: 'commune',
      unit_name: `Xã ${c.name}`,
      unit_code: c.code,
      date: '2019-06-20',
      chair: `Chủ tịch UBND xã ${DEMO_MARK}`,
      participants: 'Ban CHQS xã, Hội CCB, công an xã (minh họa)',
      initially_buried: initially,
      recovered,
      not_recovered: initially - recovered,
      family_cared: familyCared,
      brought_in: Math.floor(d.rand() * 3),
      handed_over: Math.floor(d.rand() * 2),
      text: `Biên bản kết luận địa bàn minh họa ${DEMO_MARK}`,
      commune_code: c.code,
    },
  });
  return cid;
}
