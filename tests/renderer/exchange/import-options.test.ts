// The import wizard's requests as pure functions of its choices: the preview, the invalid-geometry
// list and the import read the file with the same options; a new file starts its options afresh;
// the user's field choices that still fit survive a new suggestion; fixed values are typed.
import { describe, expect, it } from 'vitest';
import { TABLES, type FieldDef } from '../../../src/shared/model/tables';
import {
  coordinateColumns,
  freshOptions,
  guessTable,
  headerOption,
  importInput,
  invalidSource,
  mergeSuggestedMap,
  previewInput,
  typeDefaults,
  uploadedSelection,
  withSiblings,
  type FileOptions,
  type PreviewLayer,
} from '../../../src/renderer/exchange/import/import-options';

const layer = (over: Partial<PreviewLayer>): PreviewLayer => ({ name: 'a', count: 3, fields: [], geometryTypes: {}, suggestedMap: {}, ...over }) as unknown as PreviewLayer;
const csv: FileOptions = { ...freshOptions(['diem.csv']), crs: 'EPSG:4326', east: 'lon', north: 'lat', repair: true };

describe('import wizard: file choice', () => {
  it('a shapefile brings its siblings (any case), other files stand alone', () => {
    const all = ['Mo.SHP', 'mo.dbf', 'mo.prj', 'mo2.shp', 'mo.csv'];
    expect(withSiblings('mo.dbf', all)).toEqual(['Mo.SHP', 'mo.dbf', 'mo.prj']);
    expect(withSiblings('mo.csv', all)).toEqual(['mo.csv']);
  });

  it('after an upload: the shapefile parts together, else the first file, nothing when none kept', () => {
    expect(uploadedSelection(['a.txt', 'b.shp', 'b.dbf', 'notes.doc'])).toEqual(['b.shp', 'b.dbf']);
    expect(uploadedSelection(['a.csv', 'b.csv'])).toEqual(['a.csv']);
    expect(uploadedSelection([])).toBeNull();
  });

  it('a new file starts with no CRS, columns, header row or repair choices', () => {
    expect(freshOptions(['x.gpx'])).toEqual({ selected: ['x.gpx'], layer: '', crs: '', east: '', north: '', headerRow: '', encoding: '', repair: false, closeRings: false, skipOther: false, dupImport: false });
  });

  it('the header row is sent only for a spreadsheet and only as a whole number from 1', () => {
    expect(headerOption(true, '3')).toEqual({ headerRow: 3 });
    expect(headerOption(true, '0')).toEqual({});
    expect(headerOption(true, '2.5')).toEqual({});
    expect(headerOption(false, '3')).toEqual({});
  });
});

describe('import wizard: requests', () => {
  it('the preview sends only what was chosen, in the wizard’s order', () => {
    const p = previewInput(csv, 'graves', { name: 'ten' }, { kind: 'single' });
    expect(p).toEqual({ files: ['diem.csv'], eastField: 'lon', northField: 'lat', crs: 'EPSG:4326', table: 'graves', map: { name: 'ten' }, defaults: { kind: 'single' }, repair: true, closeRings: false, skipOtherTypes: false });
    expect(Object.keys(p)).toEqual(['files', 'eastField', 'northField', 'crs', 'table', 'map', 'defaults', 'repair', 'closeRings', 'skipOtherTypes']);
    expect(previewInput(freshOptions(['a.gpx']), null, undefined, {})).toEqual({ files: ['a.gpx'], defaults: {}, repair: false, closeRings: false, skipOtherTypes: false });
  });

  it('a spreadsheet’s header row and a shapefile’s encoding reach preview, import and the invalid list alike', () => {
    const xlsx = { ...freshOptions(['mo.xlsx']), headerRow: '4', layer: 'Sheet2' };
    expect(previewInput(xlsx, null, undefined, {})).toMatchObject({ layer: 'Sheet2', headerRow: 4 });
    expect(importInput(xlsx, 'Sheet2', 'graves', {}, {})).toMatchObject({ headerRow: 4 });
    expect(invalidSource(xlsx, 'Sheet2')).toEqual({ files: ['mo.xlsx'], layer: 'Sheet2', headerRow: 4 });
    const shp = { ...freshOptions(['a.shp', 'a.dbf']), encoding: 'tcvn3' };
    expect(invalidSource(shp, 'a')).toEqual({ files: ['a.shp', 'a.dbf'], layer: 'a', encoding: 'tcvn3' });
    expect(importInput(shp, 'a', 'base_lines', {}, {})).toMatchObject({ encoding: 'tcvn3' });
  });

  it('the import drops empty field choices and says what to do with duplicates', () => {
    const r = importInput({ ...csv, dupImport: true }, 'a', 'info_points', { name: 'ten', note: '' }, { kind: 'x' });
    expect(r).toEqual({ files: ['diem.csv'], layer: 'a', table: 'info_points', crs: 'EPSG:4326', map: { name: 'ten' }, defaults: { kind: 'x' }, repair: true, skipOtherTypes: false, closeRings: false, duplicates: 'import', eastField: 'lon', northField: 'lat' });
    expect(importInput(csv, 'a', 'info_points', {}, {}).duplicates).toBe('skip');
  });

  it('the invalid list reads with the file’s CRS choice', () => {
    expect(invalidSource(csv, 'a')).toEqual({ files: ['diem.csv'], layer: 'a', eastField: 'lon', northField: 'lat', crs: 'EPSG:4326' });
  });
});

describe('import wizard: mapping', () => {
  const fields: readonly FieldDef[] = [
    { name: 'n', type: 'integer', vi: 'n', en: 'n' },
    { name: 'r', type: 'real', vi: 'r', en: 'r' },
    { name: 'b', type: 'boolean', vi: 'b', en: 'b' },
    { name: 't', type: 'text', vi: 't', en: 't' },
  ] as unknown as FieldDef[];

  it('fixed values are typed as their fields; empty and unknown ones are not sent', () => {
    expect(typeDefaults(fields, { n: '12', r: '1.5', b: 'true', t: 'x', other: 'y' })).toEqual({ n: 12, r: 1.5, b: true, t: 'x' });
    expect(typeDefaults(fields, { n: '', b: 'false' })).toEqual({ b: false });
  });

  it('a choice that still fits wins over the suggestion; one for a missing column or field does not', () => {
    const l = layer({ fields: ['ten', 'ghi_chu'], suggestedMap: { name: 'ten', note: 'ghi_chu' } });
    const graveFields = TABLES.graves.fields as readonly FieldDef[];
    const fieldName = graveFields.find((f) => f.name !== 'name')!.name;
    expect(mergeSuggestedMap({ name: 'ghi_chu', [fieldName]: 'gone', nonsense: 'ten' }, l, graveFields)).toEqual({ name: 'ghi_chu', note: 'ghi_chu' });
    expect(mergeSuggestedMap({ name: 'ten' }, undefined, graveFields)).toEqual({});
  });

  it('the first file proposes a target layer from its geometry types', () => {
    expect(guessTable(layer({ geometryTypes: { Point: 2, MultiPolygon: 1 } }))).toBe('search_areas');
    expect(guessTable(layer({ geometryTypes: { LineString: 2 } }))).toBe('base_lines');
    expect(guessTable(layer({ geometryTypes: { Point: 2 } }))).toBe('info_points');
    expect(guessTable(undefined)).toBe('info_points');
  });

  it('the X/Y column choices list the detected columns first', () => {
    expect(coordinateColumns(layer({ fields: ['ten'], coordinates: { north: 'x', east: 'y' } } as Partial<PreviewLayer>))).toEqual(['x', 'y', 'ten']);
    expect(coordinateColumns(undefined)).toEqual([]);
  });
});
