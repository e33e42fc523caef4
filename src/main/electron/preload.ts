// The sandboxed preload: the page's only door to the main process. It may use only contextBridge
// and ipcRenderer (a sandboxed preload has no Node), and it exposes functions, never ipcRenderer
// itself nor IPC event objects (event.sender would hand the page the whole IPC API).
//
// window.quytap = {
//   invoke(method, input): Promise<{ ok: true, result } | { ok: false, error: ApiErrorBody }>
//     (an envelope, not a throw: errors crossing contextBridge lose their fields; the renderer's
//     src/renderer/api/index.ts turns { ok: false } into an ApiError, like the HTTP client does),
//   on(event, handler): () => void   (unsubscribe)
// }
import { contextBridge, ipcRenderer } from 'electron';

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Set<Handler>>();

ipcRenderer.on('quytap:event', (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  const set = handlers.get(name);
  if (!set) return;
  for (const h of [...set]) {
    try {
      h(payload);
    } catch (e) {
      console.error(`[quytap] handler of "${name}" failed`, e);
    }
  }
});

contextBridge.exposeInMainWorld('quytap', {
  invoke(method: unknown, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || method.length > 100) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', vi: 'Không có chức năng này', en: 'No such method' },
      });
    }
    return ipcRenderer.invoke('quytap:rpc', method, input);
  },
  on(event: unknown, handler: unknown): () => void {
    if (typeof event !== 'string' || typeof handler !== 'function')
      throw new TypeError('quytap.on(event: string, handler: function)');
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    const h = handler as Handler;
    set.add(h);
    return () => {
      set.delete(h);
    };
  },
});
