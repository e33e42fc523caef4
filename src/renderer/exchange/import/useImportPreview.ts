// The wizard's preview: re-read whenever what decides the reading or the rows changes (the encoding
// gives a live preview of names; the map and fixed values change the duplicate count and the refusal
// foreseen), 150 ms after the last change; a stale answer never wins.
import { useEffect, useState } from 'react';
import { useApi, useErrorToast } from '../../components/common';
import { fileKinds, guessTable, headerOption, mergeSuggestedMap, previewInput, type FileOptions, type Preview } from './import-options';
import type { ImportMapping } from './useImportMapping';

export function useImportPreview(file: FileOptions, m: ImportMapping) {
  const api = useApi();
  const showError = useErrorToast();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const { selected, encoding, east, north, crs, layer, repair, closeRings, skipOther } = file;
  const headerRow = headerOption(fileKinds(selected).isSheet, file.headerRow).headerRow;
  const sentMapKey = JSON.stringify(m.sentMap ?? null);

  const adopt = (p: Preview) => {
    setPreview(p);
    const l = p.layers.find((q) => q.name === layer) ?? p.layers[0];
    // The first file of the session proposes a target layer; later files keep the user's.
    if (!m.table) m.setTable(guessTable(l));
    else if (m.mapFor !== m.mapKey) {
      // From the state as it is now, not as it was when this read was asked: a choice made while
      // the answer was on its way must not be overwritten by the suggestion.
      m.setMap((now) => mergeSuggestedMap(now, l, m.fields));
      m.setMapFor(m.mapKey);
    }
  };

  useEffect(() => {
    if (!selected.length) return setPreview(null);
    let stale = false;
    const timer = setTimeout(() => {
      setReading(true);
      api
        .invoke('exchange.preview', previewInput(file, m.table, m.sentMap, m.typedDefaults))
        .then((p) => !stale && adopt(p))
        .catch((e) => {
          if (!stale) {
            setPreview(null);
            showError(e);
          }
        })
        .finally(() => !stale && setReading(false));
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, selected, encoding, east, north, headerRow, crs, m.table, layer, sentMapKey, m.typedDefaults, repair, closeRings, skipOther, showError]);

  return { preview, reading };
}
