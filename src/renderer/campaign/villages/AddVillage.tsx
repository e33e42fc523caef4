// A village added to the commune by its name and kind (one edit, no geometry yet).
import { useState } from 'react';
import { VILLAGE_KINDS } from '../../../shared/model/enums';
import { useApi, useErrorToast } from '../../components/common';
import { ENUM_LABELS } from '../../i18n/dict';
import { useI18n } from '../../i18n';
import { useCampaignT } from '../dict';

export function AddVillage({ commune }: { commune: string }) {
  const c = useCampaignT();
  const { pick } = useI18n();
  const api = useApi();
  const showError = useErrorToast();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('thon');
  const add = async () => {
    try {
      await api.invoke('edits.apply', { label: `Thêm thôn ${name.trim()}`, put: [{ table: 'villages', geometry: null, props: { name: name.trim(), kind, commune_code: commune, pilot: false } }] });
      setName('');
    } catch (e) {
      showError(e);
    }
  };
  return (
    <fieldset className="campaign-add">
      <legend>{c('add.title')}</legend>
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={c('add.name')} data-testid="campaign-add-name" maxLength={200} />
      <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="campaign-add-kind">
        {VILLAGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {pick(ENUM_LABELS[`kind:${k}`]!)}
          </option>
        ))}
      </select>
      <button disabled={!name.trim()} onClick={() => void add()} data-testid="campaign-add">
        {c('add')}
      </button>
    </fieldset>
  );
}
