// Which addresses the SSRF guard refuses, and the admin's allow-list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowList, nonPublicReason } from '../../../src/listen/sources/feeds/address.ts';

test('loopback, private, link-local, CGNAT, ULA, unspecified and other special ranges are not public', () => {
  const CASES: [string, string][] = [
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['10.0.0.1', 'private'], ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'], ['100.127.255.255', 'carrier-grade NAT'], ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['255.255.255.255', 'reserved'], ['192.0.2.10', 'documentation'], ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'], ['[::1]', 'loopback'], ['::', 'unspecified'], ['fc00::1', 'unique local'], ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'], ['ff02::1', 'multicast'], ['2001:db8::1', 'documentation'],
    // IPv4 carried in IPv6 is judged by the IPv4 address
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:10.1.2.3', 'private'], ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'], ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
  ];
  for (const [address, reason] of CASES) assert.equal(nonPublicReason(address), reason, address);
});

test('public addresses pass', () => {
  for (const address of ['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1', '2606:4700::6810:84e5', '2a00:1450:4007:80f::200e', '::ffff:93.184.216.34', '64:ff9b::8.8.8.8']) {
    assert.equal(nonPublicReason(address), null, address);
  }
  assert.equal(nonPublicReason('not-an-ip'), 'not an IP address');
});

test('the allow-list takes addresses and CIDR networks, IPv4 and IPv6', () => {
  const allowed = allowList(['127.0.0.1', '10.1.0.0/16', 'fd00::/8']);
  assert.equal(allowed('127.0.0.1'), true);
  assert.equal(allowed('::ffff:127.0.0.1'), true);
  assert.equal(allowed('127.0.0.2'), false);
  assert.equal(allowed('10.1.200.3'), true);
  assert.equal(allowed('10.2.0.1'), false);
  assert.equal(allowed('fd00::5'), true);
  assert.equal(allowed('::1'), false);
  assert.throws(() => allowList(['nope/8']), /Not a network/);
});
