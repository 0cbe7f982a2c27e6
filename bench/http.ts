/**
 * A small HTTP client for the Writ server under test: keep-alive connections (as an API client or
 * a browser keeps them), JSON in and out, a Bearer token once signed in. No Accept-Encoding, so the
 * answers are not compressed and the client spends no time inflating them.
 */
import http from 'node:http';

export type Answer = { status: number; body: string };

export class WritClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private token: string | undefined;

  constructor(readonly baseUrl: string) {}

  request(method: 'GET' | 'POST', path: string, body?: string): Promise<Answer> {
    const url = new URL(path, this.baseUrl);
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET a JSON answer; anything but 200 fails the bench, with the answer. */
  async getJson<T>(path: string): Promise<T> {
    const answer = await this.request('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    return JSON.parse(answer.body) as T;
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.request('POST', '/api/v1/session', JSON.stringify({ email, password }));
    if (answer.status !== 200) throw new Error(`signing in answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    this.token = (JSON.parse(answer.body) as { token: string }).token;
  }

  close(): void {
    this.agent.destroy();
  }
}
