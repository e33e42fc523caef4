// electron-builder cannot run here (Electron's binary is not downloadable), so its configuration is
// checked by electron-builder's own validator against its own schema, and the files it packages
// are checked to exist after a build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib'));

/** Electron supports its three latest majors; 45 is the newest the registry serves (December 2026). */
const ELECTRON_SUPPORTED_FLOOR = 45;

/** Each fuse as the packaged binary must have it (see the comment above electronFuses in the yml). */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

function builderConfig(): Record<string, unknown> {
  const yaml = builderRequire('js-yaml') as { load(s: string): unknown };
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

function majorOf(range: string): number {
  const m = /^[\^~]?(\d+)\.\d+\.\d+$/.exec(range);
  if (!m) throw new Error(`not a plain semver range: ${range}`);
  return Number(m[1]);
}

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder’s own schema validation', async () => {
    const config = builderConfig();
    const { validateConfiguration } = builderRequire('./util/config/config.js') as {
      validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    expect((config.win as { target: { target: string }[] }).target.map((t) => t.target)).toContain('nsis');
    expect((config.linux as { target: string[] }).target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('package.json points Electron at the bundle the build writes, and blocks Electron’s download', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(readFileSync(join(root, 'scripts/build-electron.mjs'), 'utf8')).toContain('dist-electron/main.cjs');
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.engines.node).toBe('>=22');
    expect(pkg.devDependencies.node).toMatch(/^\^?24/);
  });

  it('flips every Electron fuse as required, with the code in an asar', () => {
    const config = builderConfig();
    const fuses = config.electronFuses as Record<string, unknown> | undefined;
    expect(fuses).toBeDefined();
    for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
      expect({ fuse, value: fuses![fuse] }).toEqual({ fuse, value });
    }
    // onlyLoadAppFromAsar and the integrity check mean nothing without an asar.
    expect(config.asar).not.toBe(false);
    // electron-builder flips the fuses itself; a custom afterPack could undo or skip them.
    expect(config.afterPack).toBeUndefined();
  });

  it('uses an Electron major that is still supported, in package.json and in the lockfile', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(majorOf(pkg.devDependencies.electron)).toBeGreaterThanOrEqual(ELECTRON_SUPPORTED_FLOOR);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    expect(majorOf(lock.packages['node_modules/electron'].version)).toBeGreaterThanOrEqual(ELECTRON_SUPPORTED_FLOOR);
  });
});
