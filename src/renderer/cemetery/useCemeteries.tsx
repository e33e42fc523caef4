// The project's cemeteries (id, name, extent), read again when the project changes.
import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { geometryExtent } from '../../shared/model/geometry-extent';
import { useApi, useErrorToast } from '../components/common';

export interface CemeteryItem {
  id: string;
  name: string;
  extent: [number, number, number, number] | null;
}

export function useCemeteries(info: ProjectInfo): CemeteryItem[] {
  const api = useApi();
  const showError = useErrorToast();
  const [list, setList] = useState<CemeteryItem[]>([]);
  const count = info.layers.find((l) => l.table === 'cemeteries')?.count ?? 0;
  useEffect(() => {
    api
      .invoke('features.query', { table: 'cemeteries', filter: { kind: 'martyrs' } })
      .then((r) =>
        setList(
          r.rows
            .map((row) => ({ id: row.id, name: String(row.props.name ?? ''), extent: row.geometry ? (geometryExtent(row.geometry) as CemeteryItem['extent']) : null }))
            .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        ),
      )
      .catch(showError);
  }, [api, showError, count]);
  return list;
}

export function CemeteryPicker({ cemeteries, value, onChange, all, label }: { cemeteries: CemeteryItem[]; value: string; onChange: (id: string) => void; all?: string; label: string }) {
  return (
    <label className="cem-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="cemetery-picker">
        {all !== undefined ? <option value="">{all}</option> : <option value="" disabled />}
        {cemeteries.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
