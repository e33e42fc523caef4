// Turning whatever was thrown into a clear message in the UI language.
import type { ErrorCode } from '../shared/api';
import { translate, type Lang } from './i18n';

export interface UiError {
  code: ErrorCode | 'network' | 'render';
  message: string;
  details?: string;
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

export function toUiError(e: unknown, lang: Lang): UiError {
  if (isApiErrorLike(e)) {
    if (e.code === 'unauthorized' || e.code === 'forbidden') {
      return { code: e.code, message: translate(lang, 'error.unauthorized.body'), details: lang === 'en' ? e.en : e.vi };
    }
    const details = e.details === undefined ? undefined : safeJson(e.details);
    return { code: e.code, message: lang === 'en' ? e.en : e.vi, details };
  }
  if (e instanceof TypeError && /fetch|network/i.test(e.message)) {
    return { code: 'network', message: translate(lang, 'error.network'), details: e.message };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: translate(lang, 'error.unknown'), details: msg };
}

function safeJson(x: unknown): string {
  try {
    return typeof x === 'string' ? x : JSON.stringify(x, null, 1).slice(0, 2000);
  } catch {
    return String(x);
  }
}
