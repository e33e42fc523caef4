// The one generic dispatcher behind every transport (Electron IPC, the HTTP adapter, tests).
//
// Security: the renderer is untrusted input. Everything that arrives here is checked against the
// contract's zod schema for that method before any handler sees it, and every handler result is
// checked against the output schema before it leaves (parsed output, so fields a handler did not
// mean to expose are stripped). Errors cross the boundary only as ApiErrorBody: an unexpected
// exception becomes a generic 'internal' error whose stack goes to stderr, never to the caller.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { ApiError, type ApiErrorBody, type ErrorCode } from '../../shared/api-error';
import {
  api,
  isMethodName,
  type Api,
  type MethodName,
  type Operator,
  type Output,
} from '../../shared/api';
import type { Emit } from './events';

/** What every handler receives besides its input. */
export interface CallContext {
  /** Who is editing (recorded in the audit log). */
  operator: string;
  /**
   * The logged-in account behind the call, set by a transport that authenticates (the hall
   * server's session): the services then attribute and judge the call by it, never by a name the
   * client sent or chose earlier (services/index.ts, `asCaller`).
   */
  caller?: Operator & { accountId: string };
  /** Aborted when the caller goes away (HTTP client disconnects) or the call is cancelled. */
  signal?: AbortSignal;
  /** Push an event to every connected renderer. */
  emit: Emit;
}

/** A handler's input is the schema's OUTPUT type: defaults applied, already validated. */
export type HandlerInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Handler<M extends MethodName> = (input: HandlerInput<M>, ctx: CallContext) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };
export type Dispatch = (method: string, rawInput: unknown, ctx: CallContext) => Promise<DispatchResult>;

export interface DispatcherOptions {
  /** Where bugs are reported (default: console.error, i.e. stderr). */
  log?: (message: string, detail?: unknown) => void;
  /**
   * Validate handler outputs (default true for every method). A function lets a hot path opt out
   * later if profiling ever says so; the default is the safe one.
   */
  validateOutput?: boolean | ((method: MethodName) => boolean);
  /** Called after every call (timing, diagnostics). Must not throw; if it does, it is ignored. */
  onCall?: (info: { method: string; ms: number; ok: boolean; code?: ErrorCode }) => void;
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'bad_request',
  'unknown_method',
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'no_project',
  'too_large',
  'cancelled',
  'internal',
]);

const MAX_LISTED_ISSUES = 8;
const viLocale = z.locales.vi();

/** A short, printable rendering of a caller-supplied name (it ends up inside messages). */
function shown(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function listIssues(issues: ReadonlyArray<z.core.$ZodIssue>, root: string, more: (n: number) => string): string {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${formatPath(i.path) || root}: ${i.message}`);
  if (issues.length > MAX_LISTED_ISSUES) lines.push(more(issues.length - MAX_LISTED_ISSUES));
  return lines.join('; ');
}

/** Issues as plain JSON (zod issues are plain already; this guards against symbols and bigints). */
function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : typeof v === 'symbol' ? String(v) : v)),
    );
  } catch {
    return undefined;
  }
}

/** The 'validation' error for a failed input parse: readable in both languages, issues in details. */
export function validationError(
  method: string,
  schema: z.ZodType,
  raw: unknown,
  issues: ReadonlyArray<z.core.$ZodIssue>,
): ApiError {
  // Parse again with the Vietnamese locale only on failure, for the Vietnamese messages. Custom
  // messages written in the schemas themselves take precedence and stay as written.
  let viIssues: ReadonlyArray<z.core.$ZodIssue> = issues;
  try {
    const again = schema.safeParse(raw, { error: viLocale.localeError });
    if (!again.success && again.error.issues.length === issues.length) viIssues = again.error.issues;
  } catch {
    /* keep the English ones */
  }
  // A schema's own refusal may carry its Vietnamese sentence (contract/common.ts, refuseWith).
  viIssues = viIssues.map((i) => (i.code === 'custom' && typeof i.params?.vi === 'string' ? { ...i, message: i.params.vi } : i));
  const vi = `Dữ liệu gửi tới "${shown(method)}" không hợp lệ: ${listIssues(viIssues, '(toàn bộ)', (n) => `… và ${n} lỗi khác`)}`;
  const en = `Invalid input for "${shown(method)}": ${listIssues(issues, '(root)', (n) => `… and ${n} more`)}`;
  const details = issues.map((issue, k) => ({ ...(jsonSafe(issue) as object), vi: viIssues[k]?.message ?? issue.message }));
  return new ApiError('validation', vi, en, details);
}

function isApiErrorLike(err: unknown): err is ApiError {
  if (err instanceof ApiError) return true;
  // A second copy of the shared module (bundling accidents) still produces the same shape.
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Partial<ApiError>;
  return (
    e.name === 'ApiError' &&
    typeof e.code === 'string' &&
    ERROR_CODES.has(e.code) &&
    typeof e.vi === 'string' &&
    typeof e.en === 'string'
  );
}

function errorBody(err: ApiError): ApiErrorBody {
  const body: ApiErrorBody = { code: err.code, vi: err.vi, en: err.en };
  if (err.details !== undefined) {
    const d = jsonSafe(err.details);
    if (d !== undefined) body.details = d;
  }
  return body;
}

function internalError(ref: string): ApiErrorBody {
  return {
    code: 'internal',
    vi: `Lỗi nội bộ của chương trình (mã ${ref}). Thao tác chưa thực hiện được; hãy thử lại, nếu vẫn lỗi hãy báo cho người quản trị kèm mã này.`,
    en: `Internal error (reference ${ref}). The operation did not complete; try again, and if it persists report it with this reference.`,
  };
}

/**
 * The file system's refusals that are no bug of ours, as one clear sentence each: a full disk, a
 * read-only folder or disk. (SQLite's own are translated by the store; these come from plain file
 * writes: exports, backups' folders, the recent list.)
 */
export function systemError(err: unknown): ApiError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const path = (err as { path?: unknown }).path;
  const file = typeof path === 'string' ? ` "${shown(basename(path))}"` : '';
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ApiError(
      'internal',
      `Ổ đĩa đã đầy, không ghi được tệp${file}: thao tác chưa thực hiện được (những gì đã lưu trước đó vẫn còn nguyên). Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.`,
      `The disk is full, could not write${file}: the operation did not complete (everything saved before is intact). Free some space on the disk and do it again.`,
      { code, diskFull: true },
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new ApiError(
      'forbidden',
      `Không có quyền ghi tệp${file} (thư mục hoặc ổ đĩa chỉ đọc): thao tác chưa thực hiện được. Hãy chọn hoặc chép sang thư mục có quyền ghi.`,
      `Could not write${file} (read-only folder or disk): the operation did not complete. Choose, or copy to, a folder you can write to.`,
      { code, readOnly: true },
    );
  // Files are written with 'wx' (never replaced): a name taken between the check and the write.
  if (code === 'EEXIST')
    return new ApiError(
      'conflict',
      `Đã có tệp${file} trong thư mục: không ghi đè. Hãy làm lại (chương trình sẽ chọn tên khác).`,
      `A file${file} already exists in the folder: it is not overwritten. Do it again (another name will be chosen).`,
      { code },
    );
  return null;
}

export function unknownMethodError(method: string): ApiError {
  return new ApiError('unknown_method', `Không có chức năng "${shown(method)}"`, `There is no method "${shown(method)}"`);
}

export function cancelledError(): ApiError {
  return new ApiError('cancelled', 'Thao tác đã bị huỷ.', 'The operation was cancelled.');
}

export function createDispatcher(handlers: Handlers, opts: DispatcherOptions = {}): Dispatch {
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  const validateOutput = opts.validateOutput ?? true;
  const shouldValidateOutput = (m: MethodName) => (typeof validateOutput === 'function' ? validateOutput(m) : validateOutput);

  const fail = (err: ApiError): DispatchResult => ({ ok: false, error: errorBody(err) });
  const bug = (method: string, what: string, detail: unknown): DispatchResult => {
    const ref = randomBytes(4).toString('hex');
    try {
      log(`[rpc] ${what} in "${shown(method)}" (ref ${ref})`, detail);
    } catch {
      /* logging must not break the call */
    }
    return { ok: false, error: internalError(ref) };
  };

  async function run(method: string, rawInput: unknown, ctx: CallContext): Promise<DispatchResult> {
    if (typeof method !== 'string' || !isMethodName(method)) return fail(unknownMethodError(String(method)));
    const handler = handlers[method] as ((input: unknown, ctx: CallContext) => unknown) | undefined;
    if (typeof handler !== 'function') return bug(method, 'no handler registered', undefined);

    const spec = api[method];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return fail(validationError(method, spec.input, rawInput, input.error.issues));
    if (ctx.signal?.aborted) return fail(cancelledError());

    let output: unknown;
    try {
      output = await handler(input.data, ctx);
    } catch (err) {
      if (isApiErrorLike(err)) return fail(err);
      if (ctx.signal?.aborted) return fail(cancelledError());
      const sys = systemError(err);
      if (sys) return fail(sys);
      return bug(method, 'handler threw', err instanceof Error ? (err.stack ?? err.message) : err);
    }

    if (!shouldValidateOutput(method)) return { ok: true, result: output };
    const checked = spec.output.safeParse(output);
    // An output that breaks the contract is our bug: the caller gets a generic error, the log the details.
    if (!checked.success) return bug(method, 'output does not match the contract', checked.error.issues);
    return { ok: true, result: checked.data };
  }

  return async function dispatch(method, rawInput, ctx) {
    const t0 = performance.now();
    let res: DispatchResult;
    try {
      res = await run(method, rawInput, ctx);
    } catch (err) {
      // Only reachable through a bug in this file or a throwing schema refinement: still answer.
      res = bug(String(method), 'dispatcher failure', err instanceof Error ? (err.stack ?? err.message) : err);
    }
    if (opts.onCall) {
      try {
        opts.onCall({
          method: String(method),
          ms: performance.now() - t0,
          ok: res.ok,
          ...(res.ok ? {} : { code: res.error.code }),
        });
      } catch {
        /* diagnostics only */
      }
    }
    return res;
  };
}

/** Unwrap a DispatchResult for main-side callers (CLI, tests): the result, or the ApiError thrown. */
export function unwrap<T = unknown>(res: DispatchResult): T {
  if (res.ok) return res.result as T;
  throw ApiError.fromBody(res.error);
}
