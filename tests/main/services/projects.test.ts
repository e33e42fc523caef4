import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { ProjectPaths } from '../../../src/main/services/projects';

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'quytap-paths-'));
  const dir = join(base, 'projects');
  const outside = join(base, 'elsewhere');
  mkdirSync(outside);
  return { base, dir, outside, paths: new ProjectPaths(dir) };
}

describe('ProjectPaths: the renderer cannot open arbitrary files', () => {
  it('allows .gpkg files in the projects folder', () => {
    const { dir, paths } = setup();
    writeFileSync(join(dir, 'a.gpkg'), '');
    expect(paths.assertAllowed(join(dir, 'a.gpkg'))).toBe(join(dir, 'a.gpkg'));
    expect(paths.assertAllowed('a.gpkg')).toBe(join(dir, 'a.gpkg'));
  });

  it('refuses files outside the folder, traversal and other extensions', () => {
    const { dir, outside, paths } = setup();
    writeFileSync(join(outside, 'b.gpkg'), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    for (const p of [join(outside, 'b.gpkg'), '../elsewhere/b.gpkg', join(dir, 'notes.txt'), '/etc/passwd']) {
      expect(() => paths.assertAllowed(p)).toThrow(ApiError);
      try {
        paths.assertAllowed(p);
      } catch (e) {
        expect((e as ApiError).code).toBe('forbidden');
        expect((e as ApiError).vi).toMatch(/Không được phép/);
      }
    }
  });

  it('allows a file elsewhere once main has remembered it, and lists it', () => {
    const { outside, paths } = setup();
    const f = join(outside, 'b.gpkg');
    writeFileSync(f, '');
    paths.remember(f);
    expect(paths.assertAllowed(f)).toBe(f);
    expect(paths.list().map((p) => p.path)).toContain(f);
  });

  it('says not found for an allowed but missing file', () => {
    const { paths } = setup();
    try {
      paths.assertAllowed('missing.gpkg');
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe('not_found');
    }
  });
});
