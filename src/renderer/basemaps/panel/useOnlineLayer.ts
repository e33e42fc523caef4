// The online XYZ layer: off until the user turns it on through its dialog (address and attribution).
import { useState, type Dispatch, type SetStateAction } from 'react';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useBasemapT } from '../dict';
import type { BasemapList } from '../useBasemaps';

export interface OnlineForm {
  url: string;
  attribution: string;
}

export function useOnlineLayer(setList: Dispatch<SetStateAction<BasemapList | null>>) {
  const api = useApi();
  const b = useBasemapT();
  const toast = useToast();
  const showError = useErrorToast();
  const [onlineForm, setOnlineForm] = useState<OnlineForm | null>(null);
  const setOnline = async (patch: { enabled: boolean; url?: string; attribution?: string }) => {
    try {
      const o = await api.invoke('basemaps.online.set', patch);
      setList((l) => (l ? { ...l, online: o } : l));
      toast(b(o.enabled ? 'online.on' : 'online.off'), 'info');
      setOnlineForm(null);
    } catch (e) {
      showError(e);
    }
  };
  return { onlineForm, setOnlineForm, setOnline };
}

export type OnlineLayerState = ReturnType<typeof useOnlineLayer>;
