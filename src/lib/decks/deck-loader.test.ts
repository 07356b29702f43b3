import { describe, expect, test } from 'vitest';
import { loadDeck } from './deck-loader';

/** A static host: the deck list at /decks/index.json, one deck, anything else 404. */
const host: typeof fetch = async (input) => {
  const url = String(input);
  if (url === '/decks/index.json') return Response.json([{ id: 'world-capitals' }]);
  if (url === '/decks/world-capitals.json') return Response.json({ id: 'world-capitals', cards: [] });
  return new Response('not found', { status: 404 });
};

describe('loadDeck', () => {
  test('a deck id that names a file of the site (index) is no built-in deck: not found, so an imported one can open', async () => {
    await expect(loadDeck(host, 'index')).rejects.toMatchObject({ status: 404 });
    await expect(loadDeck(host, 'world-capitals')).resolves.toMatchObject({ id: 'world-capitals' });
  });
});
