// The hall server's certificate: made for this session (a new key at every launch, valid 30 days,
// naming the addresses the server answers on), self-signed. Browsers warn about it; people check
// that the SHA-256 fingerprint their browser shows is the one printed on the server's terminal and
// on the log-in page, which is what makes the LAN's eavesdroppers and impostors visible.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export interface SessionCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, as browsers show it: "AB:CD:…". */
  fingerprint256: string;
}

export async function sessionCertificate(names: readonly string[]): Promise<SessionCertificate> {
  const altNames = [...new Set(names)].map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n }));
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'QuyTap hall' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 5 * 60_000),
    notAfterDate: new Date(now.getTime() + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}
