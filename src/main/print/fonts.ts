// The embedded sheet font: Noto Sans (OFL, Debian fonts-noto-core), regular, bold, italic and bold
// italic (water names are italic on Vietnamese maps), which has every precomposed Vietnamese
// letter, so text stays real, searchable text in the PDF.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../app-root';

export const FONT_FAMILY = 'NotoSans';
const FILES = { normal: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf', italic: 'NotoSans-Italic.ttf', bolditalic: 'NotoSans-BoldItalic.ttf' } as const;
export type FontStyle = keyof typeof FILES;

function fontsDir(): string {
  const candidates = [
    process.env.QUYTAP_FONTS_DIR,
    // The checkout or install, wherever the code runs from (src/, dist-cli/, dist-electron/).
    join(appRoot(), 'assets/fonts'),
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

const cache = new Map<FontStyle, string>();

/** One TTF as base64 (what jsPDF's virtual file system takes), read once. */
export function sheetFont(style: FontStyle): string {
  let b = cache.get(style);
  if (b === undefined) {
    b = readFileSync(join(fontsDir(), FILES[style])).toString('base64');
    cache.set(style, b);
  }
  return b;
}

export { FILES as FONT_FILES };

/** Regular and bold (what a sheet without italics needs, e.g. the review's statistics PDF). */
export function sheetFonts(): { normal: string; bold: string } {
  return { normal: sheetFont('normal'), bold: sheetFont('bold') };
}
