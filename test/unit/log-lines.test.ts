/** The short terminal lines Writ prints instead of pino's JSON (src/http/log-lines.ts). */
import { describe, expect, it } from 'vitest';
import { shortLine } from '../../src/http/log-lines.js';

const at = Date.UTC(2026, 10, 30, 14, 3, 7);

describe('a short log line', () => {
  it('reads a request as time, method, URL, status and milliseconds', () => {
    const json = JSON.stringify({
      level: 30,
      time: at,
      method: 'POST',
      url: '/api/v1/requests',
      statusCode: 201,
      responseTime: 12.4,
      msg: 'request',
    });
    expect(shortLine(json)).toBe('14:03:07 POST /api/v1/requests 201 12 ms');
  });

  it('names warnings and errors, and keeps an error’s stack', () => {
    expect(shortLine(JSON.stringify({ level: 40, time: at, msg: 'database unavailable' }))).toBe(
      '14:03:07 warn database unavailable',
    );
    const error = shortLine(
      JSON.stringify({ level: 50, time: at, msg: 'unhandled error', err: { stack: 'Error: x\n    at y' } }),
    );
    expect(error).toBe('14:03:07 error unhandled error\nError: x\n    at y');
  });

  it('passes through a line that is not JSON', () => {
    expect(shortLine('plain text\n')).toBe('plain text');
  });
});
