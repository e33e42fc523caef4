import { describe, expect, it } from 'vitest';
import { buildRegisterIndex, foldedWords, searchRegister, type RegisterEntry } from '../../../src/shared/cemetery/search';

let n = 0;
const entry = (fullName: string, birthYear: number | null, hometown: string, unit = '', deathDate = '', cemeteryId = 'c1'): RegisterEntry => ({
  martyrId: `m${++n}`,
  fullName,
  birthYear,
  hometown,
  unit,
  deathDate,
  cemeteryId,
  cemeteryName: 'NTLS',
  plotId: null,
  section: 'A',
  row: '1',
  plotNumber: String(n),
});

const ENTRIES = [
  entry('Nguyễn Văn Anh', 1950, 'Thái Bình', 'E66'),
  entry('Nguyễn An Văn', 1950, 'Thái Bình', 'E66'),
  entry('Nguyễn Văn An', 1950, 'Vũ Thư, Thái Bình', 'Trung đoàn 66', '12/03/1972'),
  entry('Nguyễn Văn An', 1948, 'Nam Định', 'E24'),
  entry('Trần Thị Bình', 1952, 'Hà Nội', 'Đội điều trị 11'),
  entry('Lê Văn Thái', 1950, 'Nghệ An', 'E66', '1975', 'c2'),
];
const IX = buildRegisterIndex(ENTRIES);
const names = (q: string, o = {}) => searchRegister(IX, q, o).map((c) => `${c.entry.fullName}/${c.entry.birthYear}`);

describe('searchRegister', () => {
  it('finds a name typed without diacritics first, with year and home town', () => {
    expect(names('nguyen van an 1950 thai binh')[0]).toBe('Nguyễn Văn An/1950');
    expect(names('NGUYỄN VĂN AN 1950 THÁI BÌNH')[0]).toBe('Nguyễn Văn An/1950');
    // "an" also starts "Anh"; the name in its order first, the same words reordered next
    expect(names('nguyen van an 1950 thai binh')).toEqual(['Nguyễn Văn An/1950', 'Nguyễn An Văn/1950', 'Nguyễn Văn Anh/1950']);
  });

  it('ranks the whole name typed before a longer name and a reordered one', () => {
    const r = names('nguyen van an');
    expect(r.slice(0, 2).sort()).toEqual(['Nguyễn Văn An/1948', 'Nguyễn Văn An/1950']);
    expect(r.indexOf('Nguyễn Văn Anh/1950')).toBeGreaterThan(1);
    expect(r).toContain('Nguyễn An Văn/1950');
  });

  it('ranks a name match before a home-town match of the same word', () => {
    // "binh": Trần Thị Bình by name; three others by home town Thái Bình
    expect(names('binh')[0]).toBe('Trần Thị Bình/1952');
    expect(names('thai')[0]).toBe('Lê Văn Thái/1950');
  });

  it('matches word starts, units, years of death, and one cemetery or all', () => {
    expect(names('ng v an 1948')).toEqual(['Nguyễn Văn An/1948']);
    expect(names('doi dieu tri')).toEqual(['Trần Thị Bình/1952']);
    expect(names('1972')).toEqual(['Nguyễn Văn An/1950']);
    expect(names('e66').length).toBe(3);
    expect(names('van 1950', { cemeteryId: 'c2' })).toEqual(['Lê Văn Thái/1950']);
  });

  it('offers the closest when no one matches every word, and nothing for nothing', () => {
    expect(names('nguyen van an 1999')[0]).toMatch(/^Nguyễn Văn An/);
    expect(names('   ')).toEqual([]);
    expect(names('zzz')).toEqual([]);
  });

  it('folds words as the rest of the project does', () => {
    expect(foldedWords('Đắk Nông, Thái-Bình')).toEqual(['dak', 'nong', 'thai', 'binh']);
  });
});
