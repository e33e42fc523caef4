// Which address the hall server listens on: chosen explicitly (--bind). "all" is the only way to
// every interface; a bare 0.0.0.0 or :: is refused with the machine's interfaces listed, so that
// nobody opens the district project to every network the laptop is on by accident.
import { networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { ApiError } from '../../shared/api-error';

export interface InterfaceAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

export function machineAddresses(): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const [name, list] of Object.entries(networkInterfaces()))
    for (const a of list ?? []) if (!a.address.startsWith('fe80')) out.push({ name, address: a.address, family: a.family, internal: a.internal });
  return out;
}

function listed(addrs: readonly InterfaceAddress[]): string {
  return addrs.map((a) => `  ${a.name}: ${a.address}`).join('\n');
}

/** The address to listen on and the addresses people may reach it by (for the certificate and Host checks). */
export function resolveBind(bind: string | undefined, addrs: readonly InterfaceAddress[] = machineAddresses()): { host: string; names: string[] } {
  const b = (bind ?? '').trim();
  if (b === 'all') return { host: '0.0.0.0', names: addrs.filter((a) => a.family === 'IPv4').map((a) => a.address) };
  if (b === '' || b === '0.0.0.0' || b === '::' || b === '[::]')
    throw new ApiError(
      'bad_request',
      `Hãy chọn rõ địa chỉ mạng cho phòng họp: --bind <địa chỉ> (một trong các địa chỉ dưới đây), hoặc --bind all để nghe trên mọi mạng của máy.\n${listed(addrs)}`,
      `Choose the hall's network address explicitly: --bind <address> (one of those below), or --bind all to listen on every network of this machine.\n${listed(addrs)}`,
      { addresses: addrs.map((a) => a.address) },
    );
  if (!isIP(b) || !addrs.some((a) => a.address === b))
    throw new ApiError(
      'bad_request',
      `Máy này không có địa chỉ "${b}". Các địa chỉ của máy:\n${listed(addrs)}`,
      `This machine has no address "${b}". Its addresses:\n${listed(addrs)}`,
      { addresses: addrs.map((a) => a.address) },
    );
  return { host: b, names: [b] };
}
