// The embedded sheet font: Noto Sans (OFL, Debian fonts-noto-core), regular and bold, which has
// every precomposed Vietnamese letter, so text stays real, searchable text in the PDF.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'NotoSans';
const FILES = { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

function fontsDir(): string {
  const candidates = [
    process.env.QUYTAP_FONTS_DIR,
    resolve(process.cwd(), 'assets/fonts'),
    // The packaged app: dist-electron/main.cjs next to assets/ (electron-builder.yml ships assets/**).
    typeof __dirname === 'string' ? join(__dirname, '../assets/fonts') : undefined,
    typeof __dirname === 'string' ? join(__dirname, '../../../assets/fonts') : undefined,
    (() => {
      try {
        return join(dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');
      } catch {
        return undefined;
      }
    })(),
  ].filter((p): p is string => !!p);
  const hit = candidates.find((d) => existsSync(join(d, FILES.normal)));
  if (!hit) throw new Error(`Sheet font not found (looked in ${candidates.join(', ')})`);
  return hit;
}

let cache: { normal: string; bold: string } | null = null;

/** The two TTFs as base64 (what jsPDF's virtual file system takes), read once. */
export function sheetFonts(): { normal: string; bold: string } {
  if (!cache) {
    const dir = fontsDir();
    cache = {
      normal: readFileSync(join(dir, FILES.normal)).toString('base64'),
      bold: readFileSync(join(dir, FILES.bold)).toString('base64'),
    };
  }
  return cache;
}

export { FILES as FONT_FILES };
