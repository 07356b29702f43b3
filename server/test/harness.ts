/** The app on a test database, driven through Fastify's inject (no port), with a clock the test moves. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app';
import type { Db } from '../db/schema';

export interface Joined {
  accountId: string;
  deviceId: string;
  token: string;
  recoveryKey?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  /** Parsed JSON, or undefined for an empty body. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class TestServer {
  /** The server's clock, epoch ms; tests move it forward. */
  time = 1_790_000_000_000;
  app!: FastifyInstance;

  static async start(db: Db, options: Partial<AppOptions> = {}): Promise<TestServer> {
    const server = new TestServer();
    server.app = await buildApp({ db, buildDir: null, now: () => server.time, ...options });
    return server;
  }

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    {
      token,
      body,
      ip,
      headers = {}
    }: { token?: string; body?: unknown; ip?: string; headers?: Record<string, string> } = {}
  ): Promise<Answer> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: ip ?? '127.0.0.1',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object })
    });
    return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
  }

  /** "Turn on sync" on a new device. */
  async signUp(deviceName = 'Phone'): Promise<Joined> {
    const res = await this.call('POST', '/api/accounts', { body: { deviceName } });
    if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A second device of `device`'s account, joined by a link code. */
  async linkDevice(device: Joined, deviceName = 'Laptop'): Promise<Joined> {
    // A second later, so devices list in the order they joined.
    this.time += 1000;
    const { body: code } = await this.call('POST', '/api/link-codes', { token: device.token });
    const res = await this.call('POST', '/api/link', { body: { code: code.code, deviceName } });
    if (res.status !== 201) throw new Error(`link failed: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  push(device: Joined, records: unknown[]) {
    return this.call('POST', '/api/sync/push', { token: device.token, body: { records } });
  }

  pull(device: Joined, since = 0, limit?: number) {
    return this.call('GET', `/api/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, { token: device.token });
  }

  close() {
    return this.app.close();
  }
}
