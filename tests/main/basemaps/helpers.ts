// Shared set-up of the base-map tests: services on a fresh projects folder with one project open,
// files copied into its imports folder, GeoTIFFs made by GDAL at test time.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path, { join } from 'node:path';
import { ProjectStore } from '../../../src/main/store';
import { bootServices } from '../../support/boot-services';

export const REAL = path.resolve(process.cwd(), '../shared/data/real');
export const MBTILES_RASTER = join(REAL, 'consbio-mbtileserver/geography-class-png.mbtiles');
export const MBTILES_VECTOR = join(REAL, 'consbio-mbtileserver/world_cities.mbtiles');
export const WORLD_TIF = join(REAL, 'rasterio-rasterio/world.byte.tif');

/** Đắk Nông's TM-3 zone written as a proj4 string: GDAL stores it with no EPSG code. */
export const TM3_DAK_NONG_PROJ4 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

export function gdal(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** GeoTIFFs over Krông Nô cut from world.byte.tif: plain EPSG:4326, TM-3 with no EPSG code, a COG of it, one with no CRS. */
export function makeTestTiffs(dir: string) {
  mkdirSync(dir, { recursive: true });
  const kn4326 = join(dir, 'kn-4326.tif');
  const tm3 = join(dir, 'kn-tm3.tif');
  const cog = join(dir, 'kn-tm3-cog.tif');
  const nocrs = join(dir, 'kn-no-crs.tif');
  const utm50 = join(dir, 'kn-utm50.tif');
  if (!existsSync(kn4326)) gdal('gdal_translate', ['-q', '-projwin', '107.5', '12.7', '108.2', '12.0', WORLD_TIF, kn4326]);
  if (!existsSync(tm3)) gdal('gdalwarp', ['-q', '-t_srs', TM3_DAK_NONG_PROJ4, '-tr', '100', '100', kn4326, tm3]);
  if (!existsSync(cog)) gdal('gdal_translate', ['-q', '-of', 'COG', '-co', 'BLOCKSIZE=256', '-co', 'COMPRESS=DEFLATE', tm3, cog]);
  if (!existsSync(nocrs)) {
    copyFileSync(kn4326, nocrs);
    gdal('gdal_edit.py', ['-a_srs', '', nocrs]);
  }
  if (!existsSync(utm50)) gdal('gdalwarp', ['-q', '-t_srs', 'EPSG:32650', '-tr', '500', '500', kn4326, utm50]);
  return { kn4326, tm3, cog, nocrs, utm50 };
}

export async function bootWithProject(prefix = 'quytap-basemap-') {
  const env = await bootServices({ prefix });
  await env.call('session.setOperator', { name: 'Người thử', role: 'commune_staff', communeCode: null });
  const info = await env.call('project.create', { fileName: 'krong-no.gpkg', settings: { title: 'Bản đồ thử', province: { code: '67', name: 'Đắk Nông' } } });
  const imports = join(env.dir, 'imports');
  mkdirSync(imports, { recursive: true });
  const put = (src: string, name = path.basename(src)) => {
    copyFileSync(src, join(imports, name));
    return name;
  };
  /** Runs basemaps.add and waits for its job; returns the new base map's id. */
  const add = async (file: string, extra: { name?: string; crsCode?: string } = {}) => {
    const { job } = await env.call('basemaps.add', { file, ...extra });
    return (await env.services.jobs.wait(job.id)) as string;
  };
  /** The project file opened on its own while the services let go of it (two writers would disagree on the WAL). */
  const withStore = async <T>(fn: (s: ProjectStore) => T | Promise<T>): Promise<T> => {
    env.services.close();
    const s = ProjectStore.open(info.path);
    try {
      return await fn(s);
    } finally {
      s.close();
      await env.call('project.open', { path: info.path });
    }
  };
  return { ...env, info, imports, put, add, withStore, projectPath: info.path };
}

export function sqlite3Available(): boolean {
  try {
    execFileSync('python3', ['-c', 'import sqlite3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
