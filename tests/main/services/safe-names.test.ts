// The one place main's file names and write paths come from (src/main/services/safe-names.ts).
import { linkSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STEM_CHARS, nameTaken, readServable, safeCommuneCode, safeFileName, writePathIn } from '../../../src/main/services/safe-names';
import { freeName } from '../../../src/main/services/user-folders';
import { refusal } from '../support/refusal';

let root: string;
let dir: string;
let outside: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'quytap-safe-names-'));
  dir = join(root, 'exports');
  outside = join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('safeFileName', () => {
  it('keeps ordinary Vietnamese names, in NFC, without trailing dots or spaces', () => {
    expect(safeFileName('Bản đồ xã Đắk Drô.pdf')).toBe('Bản đồ xã Đắk Drô.pdf');
    expect(safeFileName('Xa\u0303.kml')).toBe('X\u00e3.kml');
    expect(safeFileName('  ban do.csv. . ')).toBe('ban do.csv');
    expect(safeFileName('67 (2).json')).toBe('67 (2).json');
  });

  it('refuses folder parts, control and broken characters, reserved characters and device names', () => {
    for (const bad of ['a/b.csv', 'a\\b.csv', '..', '.', '...', ' . ', '.bashrc', 'a\u0000b', 'a\u0001b', 'a\u009fb', 'a\u202eb', 'a\ud800', '\udc00a', 'a<b', 'a:b', 'a|b', 'a?b', 'a*b', 'a"b', 'CON', 'con.txt', 'LPT1.pdf', '']) {
      const e = refusal(() => safeFileName(bad));
      expect(e.code, JSON.stringify(bad)).toBe('validation');
      expect(e.vi).toMatch(/^Tên tệp .* không dùng được: /);
    }
    // A whole surrogate pair (an emoji) is a character like any other.
    expect(safeFileName('a\ud83d\ude00.csv')).toBe('a\ud83d\ude00.csv');
  });

  it('cuts a long stem to its limit in characters and in UTF-8 bytes, keeping the extension and whole characters', () => {
    expect(safeFileName(`${'a'.repeat(300)}.gpkg`)).toBe(`${'a'.repeat(MAX_STEM_CHARS)}.gpkg`);
    const viet = safeFileName(`${'Đ'.repeat(150)}.pdf`); // 2 bytes each
    expect(viet.endsWith('.pdf')).toBe(true);
    expect(Buffer.byteLength(viet)).toBeLessThanOrEqual(200);
    const emoji = safeFileName(`${'\ud83d\ude00'.repeat(100)}.csv`); // 4 bytes, 2 UTF-16 units each
    expect(emoji).toMatch(/^(\ud83d\ude00)+\.csv$/);
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(200);
    expect(safeFileName(emoji)).toBe(emoji);
  });
});

describe('safeCommuneCode', () => {
  it('takes administrative codes, refuses anything else', () => {
    expect(safeCommuneCode('24682')).toBe('24682');
    expect(safeCommuneCode('DN-01_a.b')).toBe('DN-01_a.b');
    for (const bad of ['', '../x', '/x', '.x', '-x', 'x y', 'x\u0000', 'xã', 'x'.repeat(33)]) expect(refusal(() => safeCommuneCode(bad)).vi).toMatch(/mã xã phải là mã đơn vị hành chính/);
  });
});

describe('writePathIn, freeName and readServable', () => {
  it('a write path is the cleaned name in the folder; a link at that name is refused, and freeName steps past it', () => {
    expect(writePathIn(dir, 'Xa\u0303.csv')).toBe(join(dir, 'X\u00e3.csv'));
    symlinkSync(join(outside, 'new.csv'), join(dir, 'new.csv'));
    const e = refusal(() => writePathIn(dir, 'new.csv'));
    expect(e.code).toBe('forbidden');
    expect(e.vi).toMatch(/liên kết/);
    expect(nameTaken(dir, 'new.csv')).toBe(true);
    expect(freeName(dir, 'new.csv')).toBe('new (2).csv');
  });

  it('a folder reached through a link is checked at its real path', () => {
    const linked = join(root, 'linked-exports');
    symlinkSync(outside, linked);
    expect(writePathIn(linked, 'a.csv')).toBe(join(linked, 'a.csv'));
    symlinkSync(join(root, 'nowhere.csv'), join(realpathSync(outside), 'b.csv'));
    expect(refusal(() => writePathIn(linked, 'b.csv')).code).toBe('forbidden');
    expect(refusal(() => writePathIn(join(outside, 'secret.txt'), 'a.csv')).code).toBe('forbidden');
  });

  it('serves only plain files whose real path is in the folder', () => {
    writeFileSync(join(dir, 'ok.csv'), 'a,b');
    expect(readServable(dir, 'ok.csv')?.toString()).toBe('a,b');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.csv'));
    symlinkSync(outside, join(dir, 'sub'));
    for (const name of ['secret.csv', 'sub', 'sub/secret.txt', '../outside/secret.txt', '..', '', 'missing.csv', 'ok.csv\u0000']) expect(readServable(dir, name), name).toBeNull();
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('does not serve a hard link (a file with another name elsewhere) either', () => {
    linkSync(join(outside, 'secret.txt'), join(dir, 'hard.csv'));
    expect(readServable(dir, 'hard.csv')).toBeNull();
    writeFileSync(join(dir, 'own.csv'), 'own');
    expect(readServable(dir, 'own.csv')?.toString()).toBe('own');
  });
});

describe('free names at the length limit', () => {
  it('a second upload of a name at the byte limit gets its own " (2)", not the first one back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quytap-free-'));
    const long = safeFileName(`${'😀'.repeat(60)}.csv`);
    writeFileSync(join(dir, long), 'a');
    const second = freeName(dir, long);
    expect(second).not.toBe(long);
    expect(second).toMatch(/ \(2\)\.csv$/);
    expect(safeFileName(second)).toBe(second);
    expect(writePathIn(dir, second)).toBe(join(realpathSync(dir), second));
  });
});
