// Deliberately not a module. tsconfig.base.json maps the specifier 'electron' here for every project
// but src/main/electron's, so importing electron anywhere else fails to compile with
// "File '…/only-src-main-electron-may-import-electron.d.ts' is not a module" (TS2306).
