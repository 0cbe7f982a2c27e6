/**
 * Webhooks: an agency's admin officers register endpoints of their own system, get the signing
 * secret once, list and disable them, and read the delivery log; a durable job (src/jobs/webhook-job.ts)
 * calls attemptDelivery once per attempt. Every agency has the same endpoints and log, field for field.
 *
 * Where a callback may go (server-side request forgery): only `https://` to a host whose every
 * address is public (not loopback, private, link-local, carrier-grade NAT, unique-local, multicast,
 * documentation or reserved), checked when the endpoint is registered (an address written in the
 * URL, local host names) and again at each delivery, on the addresses the name resolves to then, and
 * the connection goes to the address that was checked. `http://` is refused, except to a loopback
 * address when WRIT_WEBHOOK_ALLOW_LOOPBACK_HTTP is set (tests and local development only).
 */
import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { DeliveryAttempt, WebhookEndpoint, WebhooksRepository } from '../db/webhooks-repository.js';
import { WritError } from '../domain/errors.js';
import { errorText } from './mail.js';

// IPv4-mapped IPv6 addresses are judged by the IPv4 address they map (unmapped below): a ::ffff:0:0/96
// rule here would also match every IPv4 address, as BlockList checks IPv4 against IPv6 rules mapped.
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it maps. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

export function isPublicAddress(address: string): boolean {
  const a = unmapped(address);
  return isIP(a) !== 0 && !nonPublic.check(a, family(a));
}

export function isLoopbackAddress(address: string): boolean {
  const a = unmapped(address);
  return isIP(a) !== 0 && loopback.check(a, family(a));
}

const localNames = /(^|\.)(localhost|local|internal|home\.arpa|lan)$/i;

/** Checks an endpoint URL as registered; returns it normalised, or throws a validation problem naming `url`. */
export function checkWebhookUrl(raw: string, options: { allowLoopbackHttp: boolean }): string {
  const refuse = (why: string) => new WritError('validation_failed', why, 'url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('must be an https:// URL');
  }
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:') {
    if (options.allowLoopbackHttp && (isLoopbackAddress(host) || host === 'localhost')) return url.toString();
    throw refuse('must be an https:// URL');
  }
  if (url.protocol !== 'https:') throw refuse('must be an https:// URL');
  if (isIP(host) !== 0 ? !isPublicAddress(host) : localNames.test(host) || !host.includes('.'))
    throw refuse('must point to a public internet host, not a local or private network address');
  return url.toString();
}

/** The address a delivery may connect to, of those `url`'s host resolved to; throws when none may be used. */
export function checkDeliveryAddresses(url: string, addresses: string[], options: { allowLoopbackHttp: boolean }): string {
  const http = new URL(url).protocol === 'http:';
  const allowed = (a: string) => (http ? options.allowLoopbackHttp && isLoopbackAddress(a) : isPublicAddress(a));
  if (addresses.length === 0) throw new Error('the host has no address');
  const bad = addresses.find((a) => !allowed(a));
  if (bad) throw new Error(`refused to connect to ${bad}: not a public internet address`);
  return addresses[0]!;
}

export async function registerEndpoint(
  writ: { webhooks: WebhooksRepository; config: { webhooks: { allowLoopbackHttp: boolean } } },
  input: { agencyId: string; officerId: string; url: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = checkWebhookUrl(input.url, writ.config.webhooks);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const endpoint = await writ.webhooks.createEndpoint({ agencyId: input.agencyId, url, secret, createdBy: input.officerId });
  return { endpoint, secret };
}

export async function disableEndpoint(
  writ: { webhooks: WebhooksRepository },
  input: { agencyId: string; officerId: string; endpointId: string },
): Promise<WebhookEndpoint> {
  const endpoint = await writ.webhooks.disableEndpoint(input.agencyId, input.endpointId, input.officerId);
  // Another agency's endpoint is as absent as one that never was.
  if (!endpoint) throw new WritError('not_found', 'no such webhook endpoint');
  return endpoint;
}

/** What posts a signed callback (src/jobs/webhook-post.ts); resolves with the status code, throws when there was none. */
export type WebhookPoster = (request: { url: string; body: string; headers: Record<string, string> }) => Promise<number>;

/** The body and Standard Webhooks headers of one attempt: `webhook-id` is the delivery's id, the same at every attempt. */
export function signedDelivery(delivery: DeliveryAttempt, at: Date): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ type: delivery.eventType, timestamp: delivery.createdAt.toISOString(), data: delivery.payload });
  const signature = new Webhook(delivery.secret).sign(delivery.id, at, body);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}

/** One attempt at a delivery the caller's job holds; a 2xx answer delivers it, anything else is a failed attempt. */
export async function attemptDelivery(
  deps: { webhooks: WebhooksRepository; post: WebhookPoster; attempts: number; now: () => Date },
  deliveryId: string,
): Promise<'delivered' | 'retry' | 'failed' | 'not_held'> {
  const delivery = await deps.webhooks.beginAttempt(deliveryId);
  if (!delivery) return 'not_held';
  if (delivery.endpointDisabled) {
    await deps.webhooks.recordFailure(deliveryId, { statusCode: null, error: 'the endpoint was disabled' }, true);
    return 'failed';
  }
  const { body, headers } = signedDelivery(delivery, deps.now());
  let failure: { statusCode: number | null; error: string };
  try {
    const status = await deps.post({ url: delivery.url, body, headers });
    if (status >= 200 && status < 300) {
      await deps.webhooks.markDelivered(deliveryId, status);
      return 'delivered';
    }
    failure = { statusCode: status, error: `the endpoint answered ${status}` };
  } catch (error) {
    failure = { statusCode: null, error: errorText(error) };
  }
  const final = delivery.attempts >= deps.attempts;
  await deps.webhooks.recordFailure(deliveryId, failure, final);
  return final ? 'failed' : 'retry';
}
