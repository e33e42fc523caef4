// The campaign's test project: the demo (Nam Đà is one of its communes) with villages, form 01
// figures (one village under 95 %), a village conclusion and a plan whose first due date has passed.
import { randomUUID } from 'node:crypto';
import type { Output } from '../../../src/shared/api';
import type { Row } from '../../../src/shared/model';
import { pointInMultiPolygon } from '../../../src/main/demo/planar';
import { bootServices } from '../../support/boot-services';

type MP = number[][][][];

/** Points inside a commune's boundary, from a grid over its extent. */
export function insidePoints(poly: MP, count: number): [number, number][] {
  const xs = poly.flat(2).map((p) => p[0]!);
  const ys = poly.flat(2).map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: [number, number][] = [];
  for (let i = 1; i < 20 && out.length < count; i++)
    for (let j = 1; j < 20 && out.length < count; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * (i + 0.37)) / 20, y0 + ((y1 - y0) * (j + 0.61)) / 20];
      if (pointInMultiPolygon(p, poly as never)) out.push(p);
    }
  return out;
}

export const VILLAGES = [
  { name: 'Thôn Nam Tân', kind: 'thon', pilot: true, households: 120, forms_distributed: 120, forms_returned: 118, forms_with_info: 9 },
  { name: 'Buôn Ja Rá', kind: 'buon', pilot: false, households: 80, forms_distributed: 80, forms_returned: 60, forms_with_info: 4 },
  { name: 'Bon Đắk Rền', kind: 'bon', pilot: false, households: 50, forms_distributed: 50, forms_returned: 50, forms_with_info: 2 },
];

export async function campaignProject() {
  const env = await bootServices({ prefix: 'quytap-campaign-' });
  const info = await env.call('project.openDemo', {});
  const ND = info.settings.communes.find((c) => c.name === 'Nam Đà')!.code;
  const unit = (await env.call('features.query', { table: 'admin_units', limit: 1000 })).rows.find((r) => r.props.level === 'commune' && r.props.code === ND)!;
  const pts = insidePoints((unit.geometry as { coordinates: MP }).coordinates, VILLAGES.length);
  const ids = VILLAGES.map(() => randomUUID());
  await env.call('session.setOperator', { name: 'Cán bộ xã Nam Đà', role: 'commune_staff', communeCode: ND });
  await env.call('edits.apply', {
    label: 'Thêm thôn',
    put: VILLAGES.map((v, i) => ({ table: 'villages' as const, id: ids[i]!, geometry: { type: 'Point' as const, coordinates: pts[i]! }, props: { ...v } })),
  });
  const conclusionId = randomUUID();
  await env.call('edits.apply', {
    label: 'Kết luận thôn',
    put: [
      {
        table: 'conclusions',
        id: conclusionId,
        props: {
          level: 'village',
          unit_name: 'Thôn Nam Tân',
          village_id: ids[0]!,
          date: '2019-06-02',
          commune_code: ND,
          initially_buried: 7,
          recovered: 3,
          not_recovered: 4,
          family_cared: 1,
          brought_in: 0,
          handed_over: 0,
          attendees_military: 3,
          attendees_veterans: 2,
          attendees_labour: 1,
          attendees_elders: 5,
          outcome: 'concluded',
        },
      },
    ],
  });
  await env.call('session.setOperator', { name: 'Cán bộ huyện', role: 'reviewer', communeCode: null });
  await env.call('campaign.setPlan', { deadlines: { forms: '2019-05-31', village_conclusions: '2019-06-30', approved: '2099-12-31' } });
  const villages = async (): Promise<Row[]> => (await env.call('features.query', { table: 'villages', limit: 1000 })).rows;
  return { env, info, ND, ids, conclusionId, villages };
}

export type CampaignEnv = Awaited<ReturnType<typeof campaignProject>>;
export type Progress = Output<'campaign.progress'>;
