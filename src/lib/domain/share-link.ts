/**
 * A deck carried whole in a link's fragment (`/import#deck=…`): its Factdeck YAML, compressed with
 * the platform's `CompressionStream('deflate-raw')`, then base64url. The fragment never leaves the
 * browser, so the deck reaches no server. Reading a link is bounded before and while it unpacks, so a
 * damaged or hostile link costs nothing and changes nothing.
 */

/** The fragment key the import page looks for. */
export const SHARE_KEY = 'deck';
/** The largest compressed deck a link carries; larger decks are shared as a file. */
export const MAX_SHARE_BYTES = 32 * 1024;
/** The largest deck text a link may unpack to (the import's own file limit). */
export const MAX_SHARED_TEXT_BYTES = 10 * 1024 * 1024;
/** The longest link a QR code holds here (byte mode, lowest correction, version 40 is 2,953 bytes). */
export const MAX_QR_LINK_CHARS = 2900;

export type ShareLinkProblem =
  | { code: 'share-too-large'; bytes: number; limit: number }
  | { code: 'share-link-not-encoded' }
  | { code: 'share-link-damaged' }
  | { code: 'share-link-unpacks-too-large'; limit: number }
  | { code: 'share-link-empty' };

export type ShareLinkResult<T> = { ok: true; value: T } | { ok: false; problem: ShareLinkProblem };

/** The link's fragment for `deckText`, or `share-too-large` when it would be over `MAX_SHARE_BYTES`. */
export async function shareFragment(deckText: string): Promise<ShareLinkResult<string>> {
  // No limit while packing, so the message can say how large the deck is.
  const packed = (await pipe(new TextEncoder().encode(deckText), new CompressionStream('deflate-raw')))!;
  if (packed.byteLength > MAX_SHARE_BYTES)
    return { ok: false, problem: { code: 'share-too-large', bytes: packed.byteLength, limit: MAX_SHARE_BYTES } };
  return { ok: true, value: `${SHARE_KEY}=${toBase64Url(packed)}` };
}

/** The compressed payload of a location hash (`#deck=…`), or null when the hash carries no deck. */
export function sharedPayload(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_KEY);
}

/** The deck text a link's payload holds, checked before and while it unpacks. */
export async function readSharedPayload(payload: string): Promise<ShareLinkResult<string>> {
  const trimmed = payload.trim();
  if (!trimmed) return { ok: false, problem: { code: 'share-link-empty' } };
  // Base64 grows 4/3: anything longer cannot be a link this app made.
  if (trimmed.length > Math.ceil((MAX_SHARE_BYTES * 4) / 3) + 4)
    return {
      ok: false,
      problem: { code: 'share-too-large', bytes: Math.floor((trimmed.length * 3) / 4), limit: MAX_SHARE_BYTES }
    };
  const packed = fromBase64Url(trimmed);
  if (!packed) return { ok: false, problem: { code: 'share-link-not-encoded' } };
  let bytes: Uint8Array;
  try {
    const unpacked = await pipe(packed, new DecompressionStream('deflate-raw'), MAX_SHARED_TEXT_BYTES);
    if (!unpacked)
      return { ok: false, problem: { code: 'share-link-unpacks-too-large', limit: MAX_SHARED_TEXT_BYTES } };
    bytes = unpacked;
  } catch {
    return { ok: false, problem: { code: 'share-link-damaged' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'share-link-damaged' } };
  }
  if (!text.trim()) return { ok: false, problem: { code: 'share-link-empty' } };
  return { ok: true, value: text };
}

/** Runs `bytes` through a (de)compression stream; null when the output passes `limit` bytes. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  // Write errors surface on the readable side; this only keeps them from going unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (b64.length % 4 === 1) return null;
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
