// Turning whatever was thrown into a clear message in the UI language. Every message is a sentence:
// the API's own Vietnamese or English, never its `details` as JSON, a stack or a library's English.
import type { ErrorCode } from '../shared/api';
import { translate, type Lang } from './i18n';

/** One check finding a refusal carries (a submission blocked by errors), to list and click. */
export interface UiFinding {
  rule: string;
  message: string;
  table: string | null;
  id: string | null;
  extent: number[] | null;
}

export interface UiError {
  code: ErrorCode | 'network' | 'render';
  message: string;
  /** Check findings behind the refusal, each as a sentence (review.act on a map with errors). */
  findings?: UiFinding[];
}

function isApiErrorLike(e: unknown): e is { code: ErrorCode; vi: string; en: string; details?: unknown } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as any).code === 'string' &&
    typeof (e as any).vi === 'string' &&
    typeof (e as any).en === 'string'
  );
}

export function errorCode(e: unknown): string | null {
  return typeof e === 'object' && e !== null && typeof (e as any).code === 'string' ? (e as any).code : null;
}

/** The findings in an error's details (`{ findings: Finding[] }`), as sentences in the UI language. */
export function findingsOf(details: unknown, lang: Lang): UiFinding[] | undefined {
  const list = typeof details === 'object' && details !== null ? (details as { findings?: unknown }).findings : undefined;
  if (!Array.isArray(list)) return undefined;
  const out: UiFinding[] = [];
  for (const f of list) {
    if (typeof f !== 'object' || f === null) continue;
    const x = f as Record<string, unknown>;
    const text = lang === 'en' ? x.en : x.vi;
    if (typeof text !== 'string' || !text) continue;
    const extent = Array.isArray(x.extent) && x.extent.length === 4 && x.extent.every((v) => typeof v === 'number') ? (x.extent as number[]) : null;
    out.push({
      rule: typeof x.rule === 'string' ? x.rule : '',
      message: text,
      table: typeof x.table === 'string' ? x.table : null,
      id: typeof x.id === 'string' ? x.id : null,
      extent,
    });
  }
  return out.length ? out : undefined;
}

export function toUiError(e: unknown, lang: Lang): UiError {
  if (isApiErrorLike(e)) {
    // Only a refused access token (HTTP 401) is about the address; a permission refusal ('forbidden':
    // an approved commune, another commune's feature, a file name) says its own reason.
    if (e.code === 'unauthorized') return { code: e.code, message: translate(lang, 'error.unauthorized.body') };
    const findings = findingsOf(e.details, lang);
    return { code: e.code, message: lang === 'en' ? e.en : e.vi, ...(findings ? { findings } : {}) };
  }
  if (e instanceof TypeError && /fetch|network/i.test(e.message)) return { code: 'network', message: translate(lang, 'error.network') };
  // A bug, not a refusal: the sentence for the user, the technical text for the console.
  console.error('QuyTap: unexpected error', e);
  return { code: 'internal', message: translate(lang, 'error.unknown') };
}
