/**
 * The passkey rules and settings: a challenge is taken only for the purpose it was issued for, the
 * last second factor stays, and the relying party and origin come from the public URL (a host name
 * by default, since browsers take no passkey for an IP address) or from WRIT_WEBAUTHN_RP_ID.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { WritError } from '../../src/domain/errors.js';
import { challengeFor, checkMayRemovePasskey, storedChallenge } from '../../src/domain/passkey.js';

describe('a stored challenge', () => {
  it('is given back for its own purpose only', () => {
    const stored = storedChallenge('authenticate', 'abc_-1');
    expect(challengeFor(stored, 'authenticate')).toBe('abc_-1');
    expect(challengeFor(stored, 'register')).toBeNull();
    // A pending TOTP secret shares the column: it is no passkey challenge.
    expect(challengeFor('totp:JBSWY3DPEHPK3PXP', 'register')).toBeNull();
    expect(challengeFor(null, 'register')).toBeNull();
    expect(challengeFor('register:', 'register')).toBeNull();
  });
});

describe('removing a passkey', () => {
  it('is refused for the last second factor, allowed when another passkey or TOTP remains', () => {
    expect(() => checkMayRemovePasskey({ passkeys: 1, totp: false })).toThrow(WritError);
    expect(() => checkMayRemovePasskey({ passkeys: 2, totp: false })).not.toThrow();
    expect(() => checkMayRemovePasskey({ passkeys: 1, totp: true })).not.toThrow();
  });
});

describe('the passkey settings', () => {
  it('default to http://localhost:PORT for a loopback or wildcard HOST', () => {
    for (const HOST of ['127.0.0.1', '0.0.0.0', '::']) {
      const config = loadConfig({ HOST, PORT: '9090' });
      expect(config.publicUrl).toBe('http://localhost:9090');
      expect(config.webauthn).toEqual({ rpId: 'localhost', rpName: 'Writ', origin: 'http://localhost:9090' });
    }
  });

  it('follow WRIT_PUBLIC_URL (its origin), and WRIT_WEBAUTHN_RP_ID when set', () => {
    const config = loadConfig({ WRIT_PUBLIC_URL: 'https://writ.example.org/some/path' });
    expect(config.publicUrl).toBe('https://writ.example.org');
    expect(config.webauthn.rpId).toBe('writ.example.org');
    const parent = loadConfig({ WRIT_PUBLIC_URL: 'https://writ.example.org', WRIT_WEBAUTHN_RP_ID: 'Example.org' });
    expect(parent.webauthn).toEqual({ rpId: 'example.org', rpName: 'Writ', origin: 'https://writ.example.org' });
  });

  it('refuse a public URL that is not a URL, and a relying party that is not a host name', () => {
    expect(() => loadConfig({ WRIT_PUBLIC_URL: 'writ.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ WRIT_WEBAUTHN_RP_ID: 'https://writ.example.org' })).toThrow(/WRIT_WEBAUTHN_RP_ID/);
  });
});
