import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The real third-party files live beside the repository (../shared/data/real), locally and in CI. */
export const REAL_DATA = path.resolve(process.cwd(), '../shared/data/real');

export function readCsv(relative: string): Array<Record<string, string>> {
  const [header, ...rows] = fs.readFileSync(path.join(REAL_DATA, relative), 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  // The note column may contain commas; everything past the named columns belongs to it.
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(names.map((name, i) => [name, i === names.length - 1 ? cells.slice(i).join(',') : cells[i]]));
  });
}

/** East and north offset in metres from a to b ([lon, lat] in degrees, WGS 84 ellipsoid). */
export function offsetMetres(a: readonly number[], b: readonly number[]): { east: number; north: number; total: number } {
  const A = 6378137;
  const E2 = 0.0066943799901413165;
  const phi = (((a[1] + b[1]) / 2) * Math.PI) / 180;
  const w = 1 - E2 * Math.sin(phi) ** 2;
  const meridian = (A * (1 - E2)) / w ** 1.5;
  const primeVertical = A / Math.sqrt(w);
  const east = (((b[0] - a[0]) * Math.PI) / 180) * primeVertical * Math.cos(phi);
  const north = (((b[1] - a[1]) * Math.PI) / 180) * meridian;
  return { east, north, total: Math.hypot(east, north) };
}

export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function run(tool: string, args: string[], input?: string): string {
  return execFileSync(tool, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function withTempDir<T>(body: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quytap-crs-'));
  try {
    return body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
