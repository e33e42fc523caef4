// The hall's log-in limiter and session store on a fake clock: the lock doubles from 1 min up to
// 15 min after 5 failures, a success clears it, sessions end at their age, their idleness, or
// when ended, and memory stays bounded.
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../src/main/http/rate-limit';
import { SessionStore } from '../../../src/main/http/sessions';

describe('LoginLimiter', () => {
  it('locks after 5 failures, doubling the wait up to 15 minutes', () => {
    let t = 0;
    const l = new LoginLimiter({ now: () => t });
    const k = ['login:lan', 'ip:192.0.2.1'];
    for (let i = 0; i < 4; i++) l.failed(k);
    expect(l.waitMs(k)).toBe(0);
    l.failed(k);
    expect(l.waitMs(k)).toBe(60_000);
    t += 60_000;
    expect(l.waitMs(k)).toBe(0);
    l.failed(k);
    expect(l.waitMs(k)).toBe(120_000);
    for (let i = 0; i < 10; i++) l.failed(k);
    expect(l.waitMs(k)).toBe(15 * 60_000);
    // Either key alone keeps the lock: another account from the same address is refused too.
    expect(l.waitMs(['login:other', 'ip:192.0.2.1'])).toBe(15 * 60_000);
    l.succeeded(k);
    expect(l.waitMs(k)).toBe(0);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const l = new LoginLimiter({ maxKeys: 3, freeFailures: 1 });
    for (const k of ['a', 'b', 'c', 'd']) l.failed([k]);
    expect(l.waitMs(['a'])).toBe(0);
    expect(l.waitMs(['d'])).toBeGreaterThan(0);
  });
});

describe('SessionStore', () => {
  it('ends a session at its age, at its idleness, and when ended; knows no made-up id', () => {
    let t = 0;
    const s = new SessionStore<string>({ maxAgeMs: 1000, idleMs: 300, now: () => t });
    const a = s.create('lan');
    expect(a).toMatch(/^[\w-]{43}$/);
    for (let i = 0; i < 3; i++) {
      t += 250;
      expect(s.touch(a)?.principal).toBe('lan'); // each request restarts the idle clock
    }
    t += 250; // 1000 ms old
    expect(s.touch(a)).toBeNull();
    const b = s.create('binh');
    t += 300;
    expect(s.touch(b)).toBeNull();
    const c = s.create('hoa');
    s.end(c);
    expect(s.touch(c)).toBeNull();
    expect(s.touch('x'.repeat(43))).toBeNull();
    expect(s.touch('x'.repeat(1000))).toBeNull();
  });

  it('keeps at most maxSessions, dropping the oldest', () => {
    const s = new SessionStore<number>({ maxSessions: 2 });
    const ids = [1, 2, 3].map((n) => s.create(n));
    expect(s.size).toBe(2);
    expect(s.touch(ids[0])).toBeNull();
    expect(s.touch(ids[2])?.principal).toBe(3);
  });
});
