// Which addresses a feed fetch may connect to (server-side request forgery). A feed URL is typed
// by a user; without this guard it could make the server fetch its own admin port, a cloud
// metadata service (169.254.169.254) or a machine on the private network. Every address a
// hostname resolves to is checked — and the connection is then pinned to the checked address
// (see http-get.ts), so a DNS answer that changes between check and connect ("rebinding") cannot
// slip through. IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to all its addresses; injectable so that tests need no DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo, as the HTTP client would use), every address, in its order. */
export const systemResolver: Resolver = async (hostname) => {
  const all = await lookup(hostname, { all: true, order: 'verbatim' });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Special-purpose ranges (IANA registries) that a public feed never lives in. */
const REFUSED: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', '6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['100::', 64, 'ipv6', 'discard'],
  ['64:ff9b:1::', 48, 'ipv6', 'local NAT64'],
  ['2001::', 23, 'ipv6', 'protocol assignments'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'unique local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const refused = REFUSED.map(([net, prefix, type, name]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, type, name };
});

/** The 8 groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const parts = (v4[1] as string).split('.').map(Number);
    text = `${text.slice(0, -(v4[1] as string).length)}${(((parts[0] as number) << 8) | (parts[1] as number)).toString(16)}:${(((parts[2] as number) << 8) | (parts[3] as number)).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const h = head === '' ? [] : head.split(':');
  const t = tail === null || tail === '' ? [] : tail.split(':');
  const groups = tail === null ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), or null. */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return null;
  return [(g[6] as number) >> 8, (g[6] as number) & 255, (g[7] as number) >> 8, (g[7] as number) & 255].join('.');
}

/** Why an address is not public ('loopback', 'private', 'link-local'…), or null when it is public. */
export function nonPublicReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== null) return nonPublicReason(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const r of refused) if (r.type === type && r.list.check(bare, type)) return r.name;
  return null;
}

/** A matcher for the networks an admin allowed despite being private ("10.1.2.0/24", "127.0.0.1"). */
export function allowList(cidrs: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.trim().split('/') as [string, string | undefined];
    const family = isIP(net);
    if (family === 0) throw new Error(`Not a network: "${cidr}"`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    list.addSubnet(net, bits === undefined ? (family === 4 ? 32 : 128) : Number(bits), type);
  }
  return (address) => {
    const bare = address.replace(/^\[|\]$/g, '');
    const family = isIP(bare);
    if (family === 0) return false;
    if (family === 6) {
      const v4 = embeddedIpv4(bare);
      if (v4 !== null && list.check(v4, 'ipv4')) return true;
    }
    return list.check(bare, family === 4 ? 'ipv4' : 'ipv6');
  };
}
