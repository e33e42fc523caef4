// The catalogue of coordinate systems the wizard offers, asked once when it opens.
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api';
import { useApi, useErrorToast } from '../../components/common';

export type CrsItem = Output<'crs.list'>[number];

export function useCrsList(): CrsItem[] {
  const api = useApi();
  const showError = useErrorToast();
  const [crsList, setCrsList] = useState<CrsItem[]>([]);
  useEffect(() => {
    api.invoke('crs.list', {}).then(setCrsList).catch(showError);
  }, [api, showError]);
  return crsList;
}
