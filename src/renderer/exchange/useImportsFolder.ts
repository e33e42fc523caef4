// The imports folder as the dialog sees it: list, and browser uploads into it.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/api';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useExchangeT } from './dict';

/** What one /rpc request may carry once base64-encoded (the HTTP body limit is 32 MiB). */
const MAX_UPLOAD = Math.floor(((32 * 1024 * 1024 - 4096) * 3) / 4);

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function useImportsFolder() {
  const api = useApi();
  const showError = useErrorToast();
  const toast = useToast();
  const x = useExchangeT();
  const [files, setFiles] = useState<Output<'exchange.files'> | null>(null);
  const refresh = useCallback(() => {
    api.invoke('exchange.files', {}).then(setFiles).catch(showError);
  }, [api, showError]);
  useEffect(refresh, [refresh]);

  /** Uploads the picked files; returns the names kept in the imports folder. */
  const upload = useCallback(
    async (list: FileList | File[]): Promise<string[]> => {
      const names: string[] = [];
      for (const f of Array.from(list)) {
        if (f.size > MAX_UPLOAD) {
          toast(x('upload.tooBig', { name: f.name, dir: files?.importsDir ?? 'imports' }), 'error');
          continue;
        }
        try {
          const r = await api.invoke('exchange.upload', { name: f.name, dataBase64: toBase64(await f.arrayBuffer()) });
          names.push(r.name);
        } catch (e) {
          showError(e);
        }
      }
      refresh();
      return names;
    },
    [api, files?.importsDir, refresh, showError, toast, x],
  );
  return { files, refresh, upload };
}
