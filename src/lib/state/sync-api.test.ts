import { afterEach, describe, expect, test, vi } from 'vitest';
import { guessDeviceName } from './device-name';
import { SyncError, syncApi } from './sync-api';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const json: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { ...json, ...headers } });
}

async function problemOf(request: Promise<unknown>) {
  try {
    await request;
  } catch (e) {
    if (e instanceof SyncError) return e.problem;
    throw e;
  }
  throw new Error('the request succeeded');
}

describe('what the server answers becomes a problem the app can word', () => {
  afterEach(() => vi.unstubAllGlobals());
  const serve = (res: Response | Error) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        if (res instanceof Error) throw res;
        return res;
      })
    );

  test('no answer: unreachable, to be tried again', async () => {
    serve(new TypeError('Failed to fetch'));
    expect(await problemOf(syncApi.pull('t', 0, 10))).toEqual({ kind: 'unreachable' });
  });

  test('a proxy error page without the server’s JSON: unreachable; a static host’s 404: no server', async () => {
    serve(new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(await problemOf(syncApi.push('t', []))).toEqual({ kind: 'unreachable' });
    serve(new Response('not found', { status: 404 }));
    expect(await problemOf(syncApi.health())).toEqual({ kind: 'no-server' });
    // A static host answering every path with the app's page: not the health answer.
    serve(new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await problemOf(syncApi.health())).toEqual({ kind: 'no-server' });
  });

  test('the server’s error codes', async () => {
    serve(answer(401, { error: 'unauthorized', message: 'm' }));
    expect(await problemOf(syncApi.devices('t'))).toEqual({ kind: 'removed' });
    serve(answer(400, { error: 'invalid-link-code', message: 'm' }));
    expect(await problemOf(syncApi.link('AAAA-AAAA', 'Phone'))).toEqual({ kind: 'invalid-link-code' });
    serve(answer(429, { error: 'too-many-attempts', message: 'm' }, { 'retry-after': '120' }));
    expect(await problemOf(syncApi.recover('k', 'Phone'))).toEqual({
      kind: 'too-many-attempts',
      retryAfterSeconds: 120
    });
    serve(answer(409, { error: 'unknown-cursor', message: 'm' }));
    expect(await problemOf(syncApi.pull('t', 99, 10))).toEqual({ kind: 'unknown-cursor' });
    serve(answer(500, { error: 'server-error', message: 'm' }));
    expect(await problemOf(syncApi.pull('t', 0, 10))).toEqual({ kind: 'server', status: 500, error: 'server-error' });
  });

  test('a pulled record failing the schema is refused, not applied', async () => {
    serve(answer(200, { records: [{ kind: 'review', id: 'x' }], cursor: 1, more: false }));
    expect(await problemOf(syncApi.pull('t', 0, 10))).toEqual({ kind: 'server', status: 200, error: 'invalid-answer' });
  });
});

test('a device is named after its browser and system', () => {
  expect(
    guessDeviceName(
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'
    )
  ).toBe('Chrome on Android');
  expect(
    guessDeviceName(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
    )
  ).toBe('Safari on iPhone');
  expect(guessDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
    'Firefox on Windows'
  );
  expect(guessDeviceName('curl/8')).toBe('Browser');
});
