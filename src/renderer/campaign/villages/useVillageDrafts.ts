// The village figures typed but not saved yet, per village; saving one village is one edit.
import { useState } from 'react';
import type { Row } from '../../../shared/model/rows';
import { useApi, useErrorToast, useToast } from '../../components/common';
import { useCampaignT } from '../dict';

export type DraftValue = number | boolean | null;

export function useVillageDrafts() {
  const c = useCampaignT();
  const api = useApi();
  const toast = useToast();
  const showError = useErrorToast();
  const [drafts, setDrafts] = useState<Record<string, Record<string, DraftValue>>>({});

  const save = async (r: Row) => {
    const props = drafts[r.id];
    if (!props) return;
    try {
      await api.invoke('edits.apply', { label: `Số liệu phiếu mẫu 01: ${String(r.props.name)}`, put: [{ table: 'villages', id: r.id, baseVersion: r.meta.version, props }] });
      setDrafts(({ [r.id]: _, ...rest }) => rest);
      toast(c('saved'), 'success');
    } catch (e) {
      showError(e);
    }
  };
  /** The typed value when there is one, else the saved one. */
  const value = (r: Row, f: string) => (f in (drafts[r.id] ?? {}) ? drafts[r.id]![f] : r.props[f]);
  const setField = (r: Row, f: string, v: DraftValue) => setDrafts((d) => ({ ...d, [r.id]: { ...d[r.id], [f]: v } }));
  const changed = (r: Row) => !!drafts[r.id];
  return { save, value, setField, changed };
}

export type VillageDrafts = ReturnType<typeof useVillageDrafts>;
