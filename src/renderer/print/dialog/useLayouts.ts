// The project's saved sheet layouts: the list, the one chosen (its settings put in the form), save
// (as new or over the chosen one) and delete.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api';
import type { SheetSettingsInput } from '../../../shared/print';
import { useApi, useErrorToast, useToast } from '../../components/common';
import type { BasemapItem } from '../BaseMapChoice';
import { usePrintT } from '../dict';
import { layoutSaveRequest, layoutSettings } from './sheet-settings';

export type Layout = Output<'print.layouts.list'>[number];

export function useLayouts(settings: SheetSettingsInput, setSettings: (s: SheetSettingsInput) => void, basemaps: BasemapItem[] | null, title: string | undefined) {
  const api = useApi();
  const p = usePrintT();
  const toast = useToast();
  const showError = useErrorToast();
  const [layouts, setLayouts] = useState<Layout[]>([]);
  const [layoutName, setLayoutName] = useState('');
  const [layoutId, setLayoutId] = useState<string | undefined>(undefined);
  const loadLayouts = useCallback(() => {
    api.invoke('print.layouts.list', {}).then(setLayouts).catch(showError);
  }, [api, showError]);
  useEffect(loadLayouts, [loadLayouts]);

  const choose = (id: string) => {
    const l = layouts.find((x) => x.id === id);
    setLayoutId(l?.id);
    setLayoutName(l?.name ?? '');
    if (!l) return;
    const { settings: next, missing } = layoutSettings(l.settings, basemaps);
    if (missing) toast(p('basemaps.missing', { n: missing }), 'info');
    setSettings(next);
  };
  const save = async () => {
    try {
      const saved = await api.invoke('print.layouts.save', layoutSaveRequest(layoutName, title, layoutId, settings, p('layout.unnamed')));
      setLayoutId(saved.id);
      setLayoutName(saved.name);
      toast(p('layout.saved', { name: saved.name }), 'success');
      loadLayouts();
    } catch (e) {
      showError(e);
    }
  };
  const remove = async () => {
    if (!layoutId) return;
    try {
      await api.invoke('print.layouts.delete', { id: layoutId });
      setLayoutId(undefined);
      setLayoutName('');
      loadLayouts();
    } catch (e) {
      showError(e);
    }
  };
  return { layouts, layoutName, setLayoutName, layoutId, choose, save, remove };
}

export type LayoutsState = ReturnType<typeof useLayouts>;
