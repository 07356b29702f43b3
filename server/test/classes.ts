/** A deck to publish and helpers for class tests: a teacher's class, a student who joined it. */
import { randomUUID } from 'node:crypto';
import type { Deck } from '../../src/lib/domain/deck.schema';
import type { SyncRecord } from '../../src/lib/domain/sync/sync-record';
import type { Joined, TestServer } from './harness';

/** Three cards, one of each kind; the cloze has two deletions, the reverse card two sides. */
export const civicsDeck = (over: Partial<Deck> = {}): Deck => ({
  id: 'civics',
  title: 'Civics',
  description: 'How a bill becomes law',
  language: 'en',
  tags: [],
  cards: [
    { id: 'houses', type: 'basic', front: 'How many houses has Congress?', back: 'Two', kind: 'fact' },
    {
      id: 'veto',
      type: 'reverse',
      front: 'Who may veto a bill?',
      back: 'The President',
      kind: 'claim',
      claimBy: 'The textbook'
    },
    { id: 'best', type: 'cloze', text: 'The {{c1::Senate}} is the {{c2::wiser}} house', kind: 'opinion' }
  ],
  ...over
});

export async function createClass(server: TestServer, teacher: Joined, name = 'Civics 9B') {
  const res = await server.call('POST', '/api/classes', { token: teacher.token, body: { name } });
  if (res.status !== 201) throw new Error(`create class failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; joinCode: string };
}

export async function join(server: TestServer, student: Joined, code: string, displayName: string) {
  const res = await server.call('POST', '/api/memberships', { token: student.token, body: { code, displayName } });
  if (res.status !== 201) throw new Error(`join failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function publish(server: TestServer, teacher: Joined, classId: string, deck: Deck = civicsDeck()) {
  return server.call('PUT', `/api/classes/${classId}/decks/${deck.id}`, { token: teacher.token, body: { deck } });
}

/** A quiz attempt on `deckId`: each answer lists the study items it tested and those missed. */
export function quizOn(
  device: string,
  deckId: string,
  at: number,
  answers: { itemIds: string[]; missed: string[] }[]
): SyncRecord {
  const id = randomUUID();
  const correct = answers.filter((a) => a.missed.length === 0).length;
  return {
    kind: 'quiz',
    id,
    at,
    device,
    row: {
      id,
      deckId,
      startedAt: at - 60_000,
      finishedAt: at,
      seed: 1,
      answers: answers.map((a, i) => ({
        questionId: `q${i}`,
        type: 'choice',
        itemIds: a.itemIds,
        missed: a.missed,
        prompt: 'Question',
        given: a.missed.length ? 'wrong' : 'right',
        rightAnswer: 'right',
        right: a.missed.length === 0
      })),
      correct,
      total: answers.length
    }
  };
}
