// A real hall server process (`quytap serve --hall`) and clients that talk to it as browsers do:
// HTTPS with the session certificate pinned by the fingerprint the terminal printed, the
// `__Host-quytap` cookie of /auth/login, POST /rpc/<method>, and the GET /events push read frame by
// frame. Used by the hall bench (bench/hall-bench.ts) and by the kill-and-restart test
// (tests/main/http/hall-kill.test.ts); bounded: every request has a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CLI = join(REPO_ROOT, 'src/main/cli.ts');

export interface HallProcess {
  proc: ChildProcess;
  port: number;
  fingerprint: string;
  /** The first administrator's one-time join code, when the project had none who can log in. */
  joinCode: string | null;
  output(): string;
  /** SIGKILL: no handler runs, nothing is flushed or checkpointed. */
  kill(): Promise<void>;
  /** SIGTERM: the server closes the project (checkpoint) and exits. */
  stop(): Promise<void>;
}

/** Starts `quytap serve --hall --bind 127.0.0.1` on `project` and waits for its address. */
export async function startHallProcess(o: { project: string; port?: number; args?: string[]; timeoutMs?: number; env?: Record<string, string> }): Promise<HallProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--hall', '--bind', '127.0.0.1', '--project', o.project, '--port', String(o.port ?? 0), ...(o.args ?? [])],
    { cwd: REPO_ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    const port = /https:\/\/127\.0\.0\.1:(\d+)\/login/.exec(out)?.[1];
    const fp = /SHA-256\):\s*\n\s*([0-9A-F:]{95})/.exec(out)?.[1];
    // The join code line comes after the fingerprint when there is one; the projects folder line last.
    if (port && fp && /projects folder/.test(out)) {
      const code = /mã tham gia dùng một lần: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(out)?.[1] ?? null;
      return {
        proc,
        port: Number(port),
        fingerprint: fp,
        joinCode: code,
        output: () => out,
        async kill() {
          if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
          await exited;
        },
        async stop() {
          if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the hall server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pinned = new WeakSet<TLSSocket>();

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined> & { 'set-cookie'?: string[] };
  json: any;
  text: string;
}

/** One person's browser: its own TLS connections and session cookie. */
export class HallClient {
  cookie: string | null = null;
  readonly agent = new Agent({ keepAlive: true, maxSockets: 2, rejectUnauthorized: false });
  private streams = new Set<{ destroy(): void }>();
  constructor(
    public port: number,
    public fingerprint: string,
  ) {}

  send(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown = null;
            try {
              json = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text });
          });
        },
      );
      // The certificate is made per launch: it is trusted by the fingerprint the terminal printed.
      req.on('socket', (s) => {
        const t = s as TLSSocket;
        if (pinned.has(t)) return; // a kept-alive connection, checked when it was made
        pinned.add(t);
        t.once('secureConnect', () => {
          const fp = t.getPeerCertificate().fingerprint256;
          if (fp !== this.fingerprint) t.destroy(new Error(`certificate fingerprint ${fp} is not the one printed`));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(data);
    });
  }

  rpc(method: string, input: unknown = {}, timeoutMs?: number): Promise<Answer> {
    return this.send('POST', `/rpc/${method}`, input, timeoutMs);
  }

  /** Logs in (or joins with a one-time code and a new password); keeps the session cookie. */
  async logIn(login: string, password: string, joinCode?: string): Promise<void> {
    const r = await this.send('POST', joinCode ? '/auth/join' : '/auth/login', joinCode ? { login, code: joinCode, password } : { login, password });
    const set = r.headers['set-cookie']?.[0];
    if (r.status !== 200 || !set) throw new Error(`log-in of ${login}: ${r.status} ${r.text}`);
    this.cookie = set.split(';')[0]!;
  }

  /** GET /events with this session; `onEvent` for each frame. Resolves once the stream is open. */
  events(onEvent: (name: string, payload: any, at: number) => void, onEnd?: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, path: '/events', method: 'GET', rejectUnauthorized: false, headers: { cookie: this.cookie ?? '', accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return reject(new Error(`/events: ${res.statusCode}`));
          }
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            const at = performance.now();
            buf += chunk;
            let end: number;
            while ((end = buf.indexOf('\n\n')) >= 0) {
              const frame = buf.slice(0, end);
              buf = buf.slice(end + 2);
              let name = 'message';
              let data = '';
              for (const line of frame.split('\n')) {
                if (line.startsWith('event: ')) name = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
              }
              if (data) {
                try {
                  onEvent(name, JSON.parse(data), at);
                } catch {
                  /* a frame that is not JSON */
                }
              }
            }
          });
          res.on('close', () => {
            this.streams.delete(req);
            onEnd?.();
          });
          resolve();
        },
      );
      this.streams.add(req);
      req.on('error', (e) => {
        this.streams.delete(req);
        reject(e);
      });
      req.end();
    });
  }

  close(): void {
    for (const s of this.streams) s.destroy();
    this.streams.clear();
    this.agent.destroy();
  }
}
