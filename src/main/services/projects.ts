// Which project files the app may open, and the one open project. Paths never come raw from the
// renderer: only files in the projects folder, or files main itself added to the recent list
// (CLI argument, Electron's open dialog), can be opened.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';

export class ProjectPaths {
  readonly dir: string;
  private readonly recentFile: string;

  constructor(projectsDir: string) {
    this.dir = resolve(projectsDir);
    mkdirSync(this.dir, { recursive: true });
    this.recentFile = join(this.dir, '.quytap-recent.json');
  }

  recent(): string[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile, 'utf8'));
      return Array.isArray(list) ? list.filter((p) => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * Called by main only (CLI argument, open dialog, successful open). A projects folder that cannot
   * be written (read-only, full disk) only costs the recent list: the project opened all the same.
   */
  remember(path: string): void {
    const abs = resolve(path);
    const list = [abs, ...this.recent().filter((p) => p !== abs)].slice(0, 20);
    const tmp = `${this.recentFile}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(list, null, 1));
      renameSync(tmp, this.recentFile);
    } catch (e) {
      console.error(`Could not update the recent list ${this.recentFile}:`, e);
    }
  }

  isAllowed(path: string): boolean {
    const abs = resolve(path);
    return (abs.startsWith(this.dir + sep) && abs.toLowerCase().endsWith('.gpkg')) || this.recent().includes(abs);
  }

  assertAllowed(path: string): string {
    const abs = resolve(this.dir, path);
    if (!this.isAllowed(abs)) {
      throw new ApiError(
        'forbidden',
        `Không được phép mở tệp này: ${basename(path)}. Chỉ mở được dự án trong thư mục dự án hoặc danh sách gần đây.`,
        `Not allowed to open ${basename(path)}: only projects in the projects folder or the recent list can be opened.`,
      );
    }
    if (!existsSync(abs)) throw new ApiError('not_found', `Không tìm thấy tệp dự án: ${basename(abs)}`, `Project file not found: ${basename(abs)}`);
    return abs;
  }

  inDir(fileName: string): string {
    return join(this.dir, basename(fileName));
  }

  list(): { path: string; fileName: string; modified: string; sizeBytes: number }[] {
    const inDir = readdirSync(this.dir)
      .filter((f) => f.toLowerCase().endsWith('.gpkg'))
      .map((f) => join(this.dir, f));
    const all = [...new Set([...this.recent().filter((p) => existsSync(p)), ...inDir])];
    return all.map((p) => {
      const st = statSync(p);
      return { path: p, fileName: basename(p), modified: st.mtime.toISOString(), sizeBytes: st.size };
    });
  }
}
