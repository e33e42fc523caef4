// Whether the server still answers, and the edits it never acknowledged (the district hall over a
// LAN that can drop). Around the browser client's invoke():
// - a call that gets no answer at all (fetch rejects: network down, server stopped) marks the link
//   down; any answer, even a refusal, marks it up. While down, /healthz is asked every few seconds.
// - a write that got no answer was NOT saved as far as anyone knows: the call still fails (so no
//   "saved" is ever shown for it), and its input is kept in this browser's localStorage, listed,
//   and offered to send again once the server answers. Sending again is safe: an insert names its
//   id and an update its base version, so an edit that did reach the server before the cut comes
//   back as a conflict, not as a duplicate. (An insert drawn with the tools names no id: one is
//   given here, before the first send, for that reason.)
import type { ApiClient, Input, MethodName, Output } from '../../shared/api';

/** The writes worth keeping when unanswered (small; an attachment's bytes are not kept). */
const KEPT: ReadonlySet<string> = new Set<MethodName>(['edits.apply', 'review.comment.add', 'review.act']);
export const UNSENT_STORAGE_KEY = 'quytap.unsent';
const PROBE_EVERY_MS = 3000;

export interface UnsentCall {
  key: string;
  method: MethodName;
  input: unknown;
  label: string;
  at: string;
}

export interface LinkState {
  reachable: boolean;
  unsent: readonly UnsentCall[];
}

export interface HallLink {
  state(): LinkState;
  subscribe(listener: (s: LinkState) => void): () => void;
  /** Sends the kept calls again, oldest first; answers the ones refused (kept) with their errors. */
  resend(): Promise<{ sent: number; failed: { call: UnsentCall; error: unknown }[] }>;
  discard(key: string): void;
}

const isNetworkError = (e: unknown) => e instanceof TypeError;

/** Every insert of the edit names its row, so that sending it twice cannot write it twice. */
function withIds(edit: Input<'edits.apply'>): Input<'edits.apply'> {
  if (!edit || !Array.isArray(edit.put) || edit.put.every((p) => p.id !== undefined || p.baseVersion !== undefined)) return edit;
  return { ...edit, put: edit.put.map((p) => (p.id === undefined && p.baseVersion === undefined ? { ...p, id: crypto.randomUUID() } : p)) };
}

function load(): UnsentCall[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(UNSENT_STORAGE_KEY) ?? '[]');
    return Array.isArray(v) ? (v as UnsentCall[]) : [];
  } catch {
    return [];
  }
}

/** Wraps `client.invoke`; the link reports on the same client. */
export function withHallLink<C extends ApiClient>(client: C, probe: () => Promise<boolean>): { client: C; link: HallLink } {
  let reachable = true;
  let unsent = load();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<(s: LinkState) => void>();
  const state = (): LinkState => ({ reachable, unsent });
  const tell = () => {
    for (const l of [...listeners]) l(state());
  };
  const save = () => {
    try {
      localStorage.setItem(UNSENT_STORAGE_KEY, JSON.stringify(unsent));
    } catch {
      /* storage full or disabled: still listed for this page's life */
    }
    tell();
  };
  const setReachable = (up: boolean) => {
    if (up === reachable) return;
    reachable = up;
    if (!up) schedule();
    tell();
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(async () => {
      timer = null;
      const ok = await probe().catch(() => false);
      if (ok) setReachable(true);
      else if (!reachable) schedule();
    }, PROBE_EVERY_MS);
  };

  const inner = client.invoke.bind(client) as ApiClient['invoke'];
  async function invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    if (method === 'edits.apply') input = withIds(input as Input<'edits.apply'>) as Input<M>;
    try {
      const out = await inner(method, input);
      setReachable(true);
      return out;
    } catch (e) {
      if (!isNetworkError(e)) {
        setReachable(true);
        throw e;
      }
      setReachable(false);
      if (KEPT.has(method)) {
        const label = typeof input === 'object' && input !== null && typeof (input as { label?: unknown }).label === 'string' ? (input as { label: string }).label : method;
        unsent = [...unsent, { key: `${Date.now()}-${Math.random().toString(36).slice(2)}`, method, input, label, at: new Date().toISOString() }];
        save();
      }
      throw e;
    }
  }

  const link: HallLink = {
    state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async resend() {
      let sent = 0;
      const failed: { call: UnsentCall; error: unknown }[] = [];
      for (const call of [...unsent]) {
        try {
          await inner(call.method, call.input as never);
          setReachable(true);
          unsent = unsent.filter((u) => u.key !== call.key);
          sent++;
          save();
        } catch (error) {
          if (isNetworkError(error)) {
            setReachable(false);
            failed.push({ call, error });
            break;
          }
          setReachable(true);
          failed.push({ call, error });
        }
      }
      return { sent, failed };
    },
    discard(key) {
      unsent = unsent.filter((u) => u.key !== key);
      save();
    },
  };
  return { client: { ...client, invoke } as C, link };
}
