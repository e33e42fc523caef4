// The sheet being set up: its settings, the form's two ways of changing them, and a chosen base
// map removed from the project meanwhile dropped from the choice (main would refuse it).
import { useEffect, useState } from 'react';
import type { SheetSettingsInput } from '../../../shared/print';
import { DEFAULT_SETTINGS, knownBaseMaps, withTexts } from './sheet-settings';

export function useSheetSettings(basemaps: readonly { id: string }[] | null) {
  const [settings, setSettings] = useState<SheetSettingsInput>(DEFAULT_SETTINGS);
  const patch = (x: Partial<SheetSettingsInput>) => setSettings((s) => ({ ...s, ...x }));
  const patchTexts = (x: Record<string, string>) => setSettings((s) => withTexts(s, x));
  useEffect(() => {
    const kept = knownBaseMaps(settings.baseMaps, basemaps);
    if (kept) patch({ baseMaps: kept });
  }, [basemaps, settings.baseMaps]);
  return { settings, setSettings, patch, patchTexts };
}

export type SheetSettingsState = ReturnType<typeof useSheetSettings>;
