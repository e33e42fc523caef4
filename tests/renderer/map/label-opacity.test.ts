// The layer panel's opacity reaches a table's labels too, though all tables share one label layer.
import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature';
import Polygon from 'ol/geom/Polygon';
import { asArray } from 'ol/color';
import type { Style } from 'ol/style';
import { LabelLayer } from '../../../src/renderer/map/LabelLayer';

describe('label opacity', () => {
  it("fades a table's label colours with the table, and only that table's", () => {
    const labels = new LabelLayer(['search_areas', 'base_lines'], null, 1, 1000);
    labels.setScale(5000);
    const area = new Feature(new Polygon([[[0, 0], [500, 0], [500, 500], [0, 500], [0, 0]]]));
    area.setProperties({ status: 'done', code: 'KV-01', name: 'Đồi Cao' }, true);
    labels.add('search_areas', [area]);
    const styleOf = () => labels.layer.getStyleFunction()!(area, 1.4) as Style;
    const fillAlpha = (s: Style) => asArray(s.getText()!.getFill()!.getColor() as string)[3]!;
    const full = styleOf();
    expect(full.getText()!.getText()).toContain('KV-01');
    expect(fillAlpha(full)).toBe(1);

    labels.setOpacity(new Map([['search_areas', 0.4], ['base_lines', 1]]));
    const faded = styleOf();
    expect(fillAlpha(faded)).toBeCloseTo(0.4, 6);
    expect(faded.getText()!.getText()).toBe(full.getText()!.getText());
    if (full.getText()!.getStroke()) expect(asArray(faded.getText()!.getStroke()!.getColor() as string)[3]!).toBeCloseTo(0.4 * asArray(full.getText()!.getStroke()!.getColor() as string)[3]!, 6);
    // The shared style is not changed, and the same faded style serves every call.
    expect(fillAlpha(full)).toBe(1);
    expect(styleOf()).toBe(faded);

    labels.setOpacity(new Map([['search_areas', 1]]));
    expect(fillAlpha(styleOf())).toBe(1);
  });
});
