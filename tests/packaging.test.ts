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

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder’s own schema validation', async () => {
    const yaml = builderRequire('js-yaml') as { load(s: string): unknown };
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
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
});
