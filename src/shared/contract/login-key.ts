// The one rule for the hall's login names (quytap serve --hall): a login is kept as its owner typed
// it ("Lan", "Đức.Nguyễn"), in Unicode NFC and trimmed, and compared case-insensitively over all of
// Unicode. SQLite's COLLATE NOCASE on qt_accounts.login folds ASCII only, so "Ánh" and "ánh" were
// two accounts and a log-in typed in other capitals (or in decomposed Unicode, as Unikey's
// "Unicode tổ hợp" types it) missed its account; every place that reads or checks a login goes
// through these two functions instead (store/accounts-repo.ts, http/hall-auth.ts, the CLI).
// Zod-free, so the renderer may import it too.

/** The login as it is stored and shown: NFC, no surrounding spaces. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFC').trim();
}

/** The key two logins are compared by: equal keys are the same account. */
export function loginKey(login: string): string {
  return normalizeLogin(login).toLowerCase().normalize('NFC');
}
