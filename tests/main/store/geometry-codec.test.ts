// GeoPackage binary geometry: our encoder and decoder, byte by byte. (GDAL's view of the same
// bytes is checked in gdal-interop.test.ts.)
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../../src/shared/model';
import { blobEnvelope, decodeGpkgGeometry, encodeGpkgGeometry, GeometryError } from '../../../src/main/store';
import { foldText as foldVietnamese } from '../../../src/shared/text/fold';
import { checkGeometry, to2D } from '../../../src/main/store/geometry-codec';
import { registerSqlFunctions } from '../../../src/main/store/sql-functions';

const samples: Geometry[] = [
  { type: 'Point', coordinates: [430123.456, 1370654.321] },
  { type: 'LineString', coordinates: [[0, 0], [1.5, 2.5], [-3, 4]] },
  { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 5]]] },
  { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] },
  { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[10, 10], [12, 10], [12, 13], [10, 10]]]] },
];

describe('encodeGpkgGeometry / decodeGpkgGeometry', () => {
  it.each(samples.map((g) => [g.type, g] as const))('round-trips a %s', (_t, g) => {
    expect(decodeGpkgGeometry(encodeGpkgGeometry(g, 9218))).toEqual(g);
  });

  it('writes the header the standard asks for', () => {
    const b = encodeGpkgGeometry(samples[3]!, 9218);
    expect(b.subarray(0, 2).toString('latin1')).toBe('GP');
    expect(b[2]).toBe(0); // version
    expect(b[3]).toBe(0b11); // little-endian, envelope [minx, maxx, miny, maxy]
    expect(b.readInt32LE(4)).toBe(9218);
    expect([b.readDoubleLE(8), b.readDoubleLE(16), b.readDoubleLE(24), b.readDoubleLE(32)]).toEqual([0, 4, 0, 4]);
    expect(b[40]).toBe(1); // WKB little-endian
    expect(b.readUInt32LE(41)).toBe(3); // ISO WKB Polygon
    const p = encodeGpkgGeometry(samples[0]!, 9218);
    expect(p[3]).toBe(0b1); // points carry no envelope, like GDAL's
    expect(p.length).toBe(8 + 21);
  });

  it('drops Z: the project is 2D', () => {
    const g = { type: 'LineString', coordinates: [[1, 2, 300], [3, 4, 500]] } as Geometry;
    expect(decodeGpkgGeometry(encodeGpkgGeometry(g, 1))).toEqual({ type: 'LineString', coordinates: [[1, 2], [3, 4]] });
    expect(to2D({ type: 'Point', coordinates: [1, 2, 3] })).toEqual({ type: 'Point', coordinates: [1, 2] });
    // one XYZ vertex among 2-D ones: every position comes out [x, y]
    const mixed = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1, 9], [0, 0]]]] } as Geometry;
    expect(to2D(mixed)).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
  });

  it('keeps 2-D positions as they are and leaves stray members of the geometry behind', () => {
    const line = { type: 'LineString', coordinates: [[1, 2], [3, 4]], bbox: [1, 2, 3, 4] } as Geometry;
    const out = to2D(line);
    expect(JSON.stringify(out)).toBe('{"type":"LineString","coordinates":[[1,2],[3,4]]}');
    expect(out).not.toBe(line);
  });

  it('reads big-endian headers and WKB, XYZ/XYM/XYZM, EWKB flags and every envelope size', () => {
    const be = Buffer.alloc(8 + 48 + 5 + 24);
    be.write('GP', 0, 'latin1');
    be[3] = 0b0100; // big-endian header, envelope code 2 (xyz: 6 doubles)
    be.writeInt32BE(4326, 4);
    be[56] = 0; // WKB big-endian
    be.writeUInt32BE(1001, 57); // Point Z
    be.writeDoubleBE(105.5, 61);
    be.writeDoubleBE(12.25, 69);
    be.writeDoubleBE(900, 77);
    expect(decodeGpkgGeometry(be)).toEqual({ type: 'Point', coordinates: [105.5, 12.25] });

    const zm = Buffer.alloc(8 + 5 + 4 + 2 * 32);
    zm.write('GP', 0, 'latin1');
    zm[3] = 1;
    zm[8] = 1;
    zm.writeUInt32LE(3002, 9); // LineString ZM
    zm.writeUInt32LE(2, 13);
    [1, 2, 3, 4, 5, 6, 7, 8].forEach((v, i) => zm.writeDoubleLE(v, 17 + i * 8));
    expect(decodeGpkgGeometry(zm)).toEqual({ type: 'LineString', coordinates: [[1, 2], [5, 6]] });
    expect(blobEnvelope(zm)).toEqual([1, 5, 2, 6]);

    const ewkb = Buffer.alloc(8 + 5 + 4 + 24);
    ewkb.write('GP', 0, 'latin1');
    ewkb[3] = 1;
    ewkb[8] = 1;
    ewkb.writeUInt32LE((0x80000000 | 0x20000000 | 1) >>> 0, 9); // Point Z with SRID
    ewkb.writeUInt32LE(4326, 13);
    [7, 8, 9].forEach((v, i) => ewkb.writeDoubleLE(v, 17 + i * 8));
    expect(decodeGpkgGeometry(ewkb)).toEqual({ type: 'Point', coordinates: [7, 8] });
  });

  it('reads empty geometries as null and refuses damaged blobs', () => {
    const empty = Buffer.from([0x47, 0x50, 0, 0b10001, 0, 0, 0, 0, 1, 1, 0, 0, 0, ...Buffer.alloc(16, 0xff)]);
    empty.writeDoubleLE(NaN, 13);
    empty.writeDoubleLE(NaN, 21);
    expect(decodeGpkgGeometry(empty)).toBeNull();
    expect(decodeGpkgGeometry(null)).toBeNull();
    const good = encodeGpkgGeometry(samples[4]!, 1);
    expect(() => decodeGpkgGeometry(good.subarray(0, good.length - 3))).toThrow(GeometryError);
    expect(() => decodeGpkgGeometry(Buffer.from('not a geometry'))).toThrow(GeometryError);
    const extended = Buffer.from(good);
    extended[3] = extended[3]! | 0b100000;
    expect(() => decodeGpkgGeometry(extended)).toThrow(/extended/);
  });

  it('checks geometries before they are written', () => {
    expect(() => checkGeometry({ type: 'Point', coordinates: [1, NaN] } as Geometry)).toThrow(GeometryError);
    expect(() => checkGeometry({ type: 'LineString', coordinates: [[1, 2]] } as Geometry)).toThrow(/at least 2/);
    expect(() => checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } as Geometry)).toThrow(/not closed/);
    expect(() => checkGeometry({ type: 'GeometryCollection', geometries: [] } as unknown as Geometry)).toThrow(/Unsupported/);
    for (const g of samples) expect(() => checkGeometry(g)).not.toThrow();
  });
});

describe('SQL functions', () => {
  const db = new Database(':memory:');
  registerSqlFunctions(db);
  const one = (sql: string, ...p: unknown[]) => Object.values(db.prepare(sql).get(...p) as object)[0];

  it('ST_MinX & co. read the envelope, or the WKB when there is none', () => {
    const poly = encodeGpkgGeometry(samples[4]!, 1);
    expect(db.prepare('SELECT ST_MinX(@g) a, ST_MaxX(@g) b, ST_MinY(@g) c, ST_MaxY(@g) d, ST_IsEmpty(@g) e').get({ g: poly })).toEqual({ a: 0, b: 12, c: 0, d: 13, e: 0 });
    const pt = encodeGpkgGeometry(samples[0]!, 1);
    expect(db.prepare('SELECT ST_MinX(@g) a, ST_MaxY(@g) d, ST_IsEmpty(@g) e').get({ g: pt })).toEqual({ a: 430123.456, d: 1370654.321, e: 0 });
    expect(one('SELECT ST_MinX(NULL)')).toBeNull();
    expect(one('SELECT ST_IsEmpty(NULL)')).toBeNull();
  });

  it('qt_fold folds Vietnamese to plain lower-case letters', () => {
    expect(one('SELECT qt_fold(?)', 'Đắk Drô – Krông Nô')).toBe('dak dro – krong no');
    expect(foldVietnamese('NGUYỄN VĂN ĐỨC, Quảng Ngãi, Thừa Thiên Huế')).toBe('nguyen van duc, quang ngai, thua thien hue');
    expect(foldVietnamese('Ơ ơ Ư ư Ạ ặ ỷ')).toBe('o o u u a a y');
    // text typed as composed (NFC) or decomposed (NFD) folds the same
    expect(foldVietnamese('Đắk'.normalize('NFD'))).toBe(foldVietnamese('Đắk'.normalize('NFC')));
  });
});
