/**
 * Posts one signed callback: to the address checked by checkDeliveryAddresses (public addresses
 * only, or loopback over http when allowed), with a time limit; resolves with the status code.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { checkDeliveryAddresses, type WebhookPoster } from '../app/webhooks.js';

export function webhookPoster(options: { timeoutSeconds: number; allowLoopbackHttp: boolean }): WebhookPoster {
  return ({ url, body, headers }) =>
    new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      // Node does not call `lookup` for an address written in the URL: check it here.
      if (isIP(host) !== 0) {
        try {
          checkDeliveryAddresses(url, [host], options);
        } catch (error) {
          reject(error);
          return;
        }
      }
      const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
        dns.lookup(hostname, { all: true }, (error, found) => {
          if (error) return callback(error, '', 4);
          try {
            const address = checkDeliveryAddresses(
              url,
              found.map((a) => a.address),
              options,
            );
            const family = isIP(address);
            if ((lookupOptions as { all?: boolean }).all)
              (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
            else callback(null, address, family);
          } catch (refused) {
            callback(refused as Error, '', 4);
          }
        });
      };
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body), 'user-agent': 'Writ-Webhooks/1' },
          lookup,
          timeout: options.timeoutSeconds * 1000,
        },
        (response) => {
          // The answer's body is not read into memory; only its status counts.
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutSeconds} s`)));
      request.on('error', reject);
      request.end(body);
    });
}
