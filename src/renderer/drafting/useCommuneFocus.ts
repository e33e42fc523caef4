// The commune focus: the communes of the project, the one being drafted (remembered per project
// file), the mask outside it, and "Xã của tôi" for an operator bound to a commune.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { geometryExtent } from '../../shared/model/geometry-extent';
import { useApi, useErrorToast } from '../components/common';
import type { MapController } from '../map/MapController';
import type { DraftingController } from './DraftingController';
import { communesOf, type Commune } from './communes';

export function useCommuneFocus(ctl: RefObject<MapController | null>, dc: RefObject<DraftingController | null>, info: ProjectInfo, operator: Operator | null) {
  const api = useApi();
  const showError = useErrorToast();
  const focusKey = `quytap.focus:${info.path}`;
  const [communes, setCommunes] = useState<Commune[]>([]);
  const [focus, setFocus] = useState<string | null>(() => localStorage.getItem(focusKey) || null);
  useEffect(() => {
    api
      .invoke('features.query', { table: 'admin_units', filter: { level: 'commune' }, limit: 5000 })
      .then((r) => setCommunes(communesOf(r.rows)))
      .catch(showError);
  }, [api, info.path, showError]);
  const focusCommune = communes.find((c) => c.code === focus) ?? null;
  useEffect(() => {
    dc.current?.setFocus(focusCommune?.geometry ?? null);
  }, [focusCommune, dc]);
  const chooseCommune = useCallback(
    (code: string | null) => {
      setFocus(code);
      if (code) localStorage.setItem(focusKey, code);
      else localStorage.removeItem(focusKey);
      const c = communes.find((x) => x.code === code);
      if (c?.geometry) ctl.current?.fitTo(geometryExtent(c.geometry));
    },
    [communes, ctl, focusKey],
  );
  useMyCommune(operator, communes, focus, chooseCommune);
  return { communes, focus, focusCommune, chooseCommune };
}

/**
 * "Xã của tôi": an operator bound to a commune draws in it, chosen again whenever that changes
 * (the operator dialog, the review panel). A choice made by hand afterwards stays until then.
 */
function useMyCommune(operator: Operator | null, communes: Commune[], focus: string | null, chooseCommune: (code: string) => void) {
  const myCommune = operator?.role === 'commune_staff' ? operator.communeCode : null;
  const appliedMine = useRef<string | null>(null);
  useEffect(() => {
    if (!myCommune || appliedMine.current === myCommune || !communes.some((c) => c.code === myCommune)) return;
    appliedMine.current = myCommune;
    if (focus !== myCommune) chooseCommune(myCommune);
  }, [myCommune, communes, focus, chooseCommune]);
}
