// quytap serve --hall listens only where it is told: 0.0.0.0 (or nothing) is refused with the
// machine's interfaces listed; `--bind all` is the explicit way to every network.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { resolveBind, type InterfaceAddress } from '../../../src/main/http/interfaces';

const ADDRS: InterfaceAddress[] = [
  { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true },
  { name: 'wlan0', address: '192.0.2.15', family: 'IPv4', internal: false },
  { name: 'eth0', address: '198.51.100.7', family: 'IPv4', internal: false },
];

const refusal = (bind: string | undefined) => {
  try {
    resolveBind(bind, ADDRS);
  } catch (e) {
    return e as ApiError;
  }
  throw new Error(`--bind ${bind} was accepted`);
};

describe('--bind', () => {
  it('refuses no address, 0.0.0.0 and ::, naming every interface', () => {
    for (const b of [undefined, '', '0.0.0.0', '::']) {
      const e = refusal(b);
      expect(e).toBeInstanceOf(ApiError);
      for (const a of ADDRS) {
        expect(e.vi).toContain(`${a.name}: ${a.address}`);
        expect(e.en).toContain(`${a.name}: ${a.address}`);
      }
      expect(e.en).toContain('--bind all');
    }
  });

  it('refuses an address this machine does not have', () => {
    expect(refusal('203.0.113.9').en).toMatch(/no address "203.0.113.9"/);
    expect(refusal('not-an-ip').code).toBe('bad_request');
  });

  it('takes one of the machine’s addresses, or all of them when told so', () => {
    expect(resolveBind('192.0.2.15', ADDRS)).toEqual({ host: '192.0.2.15', names: ['192.0.2.15'] });
    expect(resolveBind('all', ADDRS)).toEqual({ host: '0.0.0.0', names: ['127.0.0.1', '192.0.2.15', '198.51.100.7'] });
  });
});
