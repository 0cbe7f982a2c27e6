/**
 * Where a webhook may be sent (server-side request forgery): only https:// to public hosts when it
 * is registered, and only public addresses (or loopback over http, when allowed for tests) for the
 * addresses a name resolves to when it is delivered.
 */
import { describe, expect, it } from 'vitest';
import { checkDeliveryAddresses, checkWebhookUrl, isPublicAddress } from '../../src/app/webhooks.js';

const strict = { allowLoopbackHttp: false };
const loose = { allowLoopbackHttp: true };

describe('webhook targets', () => {
  it('tells public addresses from loopback, private, link-local, CGNAT, unique-local, mapped and reserved ones', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      '::ffff:c0a8:1',
      'not an address',
    ])
      expect(isPublicAddress(a), a).toBe(false);
  });

  it('accepts an https URL on a public host name or address', () => {
    expect(checkWebhookUrl('https://hooks.agency.example.org/writ', strict)).toBe('https://hooks.agency.example.org/writ');
    expect(checkWebhookUrl('https://93.184.216.34:8443/x', strict)).toBe('https://93.184.216.34:8443/x');
  });

  it('refuses local names, private addresses, other schemes and credentials, naming the url', () => {
    for (const url of [
      'https://localhost/x',
      'https://db.internal/x',
      'https://printer.local/x',
      'https://intranet/x',
      'https://10.0.0.5/x',
      'https://[fd00::5]/x',
      'https://[::ffff:192.168.0.1]/x',
      'http://hooks.example.org/x',
      'http://127.0.0.1:9000/x',
      'file:///etc/passwd',
      'https://user:secret@hooks.example.org/x',
      'hooks.example.org',
    ])
      expect(() => checkWebhookUrl(url, strict), url).toThrow(
        expect.objectContaining({ code: 'validation_failed', field: 'url' }),
      );
  });

  it('allows http to loopback only when the setting says so, and never to another host', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/x', loose)).toBe('http://127.0.0.1:9000/x');
    expect(() => checkWebhookUrl('http://10.0.0.1/x', loose)).toThrow();
    expect(() => checkWebhookUrl('http://hooks.example.org/x', loose)).toThrow();
  });

  it('refuses a delivery when the name resolves to any non-public address at the time (DNS rebinding)', () => {
    expect(checkDeliveryAddresses('https://hooks.example.org/x', ['93.184.216.34'], strict)).toBe('93.184.216.34');
    expect(() => checkDeliveryAddresses('https://hooks.example.org/x', ['93.184.216.34', '10.0.0.1'], strict)).toThrow(
      /10\.0\.0\.1/,
    );
    expect(() => checkDeliveryAddresses('https://hooks.example.org/x', ['127.0.0.1'], loose)).toThrow(/127\.0\.0\.1/);
    expect(() => checkDeliveryAddresses('https://hooks.example.org/x', [], strict)).toThrow();
    expect(checkDeliveryAddresses('http://localhost:9000/x', ['127.0.0.1'], loose)).toBe('127.0.0.1');
    expect(() => checkDeliveryAddresses('http://localhost:9000/x', ['127.0.0.1'], strict)).toThrow();
  });
});
