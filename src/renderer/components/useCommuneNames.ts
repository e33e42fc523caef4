// A commune's name from its code, as the project's settings name it (the code itself when the
// settings do not know it, "—" for none).
import { useCallback, useMemo } from 'react';
import type { ProjectInfo } from '../../shared/api';

export function useCommuneNames(communes: ProjectInfo['settings']['communes']): (code: string | null) => string {
  const names = useMemo(() => new Map(communes.map((c) => [c.code, c.name])), [communes]);
  return useCallback((code: string | null) => (code ? (names.get(code) ?? code) : '—'), [names]);
}
