/**
 * The class API of the Factdeck server (docs/teachers.md), in the name of this device's sync account.
 * Failures are the sync API's typed problems; a class's own (a wrong code, a name taken) come as
 * `{ kind: 'server', error }` and are worded by src/lib/text.
 */
import { z } from 'zod';
import { apiCall } from './sync-api';

const taught = z.object({
  id: z.string(),
  name: z.string(),
  joinCode: z.string().nullable(),
  createdAt: z.number(),
  students: z.number()
});
export type TaughtClass = z.infer<typeof taught>;

const deckSummary = z.object({
  deckId: z.string(),
  classDeckId: z.string(),
  title: z.string(),
  version: z.number(),
  publishedAt: z.number()
});
export type PublishedDeck = z.infer<typeof deckSummary>;

const classDetail = z.object({
  id: z.string(),
  name: z.string(),
  joinCode: z.string().nullable(),
  createdAt: z.number(),
  decks: z.array(deckSummary),
  students: z.array(z.object({ memberId: z.string(), displayName: z.string(), joinedAt: z.number() }))
});
export type ClassDetail = z.infer<typeof classDetail>;

const dashboardCard = z.object({
  deckId: z.string(),
  cardId: z.string(),
  type: z.string(),
  kind: z.string().nullable(),
  prompt: z.string(),
  students: z.number(),
  reviews: z.number(),
  reviews7: z.number(),
  passed7: z.number(),
  reviews30: z.number(),
  passed30: z.number(),
  lapses: z.number(),
  quizRight: z.number(),
  quizWrong: z.number()
});
const dashboardStudent = z.object({
  memberId: z.string(),
  displayName: z.string(),
  joinedAt: z.number(),
  cardsStudied: z.number(),
  reviews7: z.number(),
  retentionReviews: z.number(),
  retentionPassed: z.number(),
  lastActive: z.number().nullable(),
  bestQuiz: z.array(z.object({ deckId: z.string(), best: z.number(), attempts: z.number() }))
});
const dashboard = z.object({
  classId: z.string(),
  name: z.string(),
  generatedAt: z.number(),
  decks: z.array(deckSummary),
  cards: z.array(dashboardCard),
  students: z.array(dashboardStudent)
});
export type Dashboard = z.infer<typeof dashboard>;
export type DashboardCard = z.infer<typeof dashboardCard>;
export type DashboardStudent = z.infer<typeof dashboardStudent>;

const preview = z.object({ classId: z.string(), name: z.string(), decks: z.array(z.object({ title: z.string() })) });
export type ClassPreview = z.infer<typeof preview>;

const membership = z.object({ classId: z.string(), name: z.string(), displayName: z.string(), joinedAt: z.number() });
const joined = membership.extend({
  decks: z.array(z.object({ classDeckId: z.string(), title: z.string(), version: z.number(), publishedAt: z.number() }))
});
export type JoinedClass = z.infer<typeof joined>;

const none = z.undefined();
const enc = encodeURIComponent;

export const classesApi = {
  create: (token: string, name: string) => apiCall(taught, '/api/classes', { token, body: { name } }),
  list: async (token: string) =>
    (await apiCall(z.object({ classes: z.array(taught) }), '/api/classes', { token })).classes,
  get: (token: string, id: string) => apiCall(classDetail, `/api/classes/${enc(id)}`, { token }),
  renewCode: (token: string, id: string) =>
    apiCall(z.object({ joinCode: z.string() }), `/api/classes/${enc(id)}/join-code`, { token, method: 'POST' }),
  closeCode: (token: string, id: string) =>
    apiCall(none, `/api/classes/${enc(id)}/join-code`, { token, method: 'DELETE' }),
  publish: (token: string, id: string, deck: { id: string }) =>
    apiCall(deckSummary.extend({ changed: z.boolean() }), `/api/classes/${enc(id)}/decks/${enc(deck.id)}`, {
      token,
      method: 'PUT',
      body: { deck }
    }),
  unpublish: (token: string, id: string, deckId: string) =>
    apiCall(none, `/api/classes/${enc(id)}/decks/${enc(deckId)}`, { token, method: 'DELETE' }),
  dashboard: (token: string, id: string) => apiCall(dashboard, `/api/classes/${enc(id)}/dashboard`, { token }),
  preview: (code: string) => apiCall(preview, '/api/class-preview', { body: { code } }),
  join: (token: string, code: string, displayName: string) =>
    apiCall(membership, '/api/memberships', { token, body: { code, displayName } }),
  joined: async (token: string) =>
    (await apiCall(z.object({ classes: z.array(joined) }), '/api/memberships', { token })).classes,
  classDeck: (token: string, classId: string, classDeckId: string) =>
    apiCall(
      z.object({ classId: z.string(), version: z.number(), deck: z.unknown() }),
      `/api/memberships/${enc(classId)}/decks/${enc(classDeckId)}`,
      { token }
    ),
  leave: (token: string, classId: string) =>
    apiCall(none, `/api/memberships/${enc(classId)}`, { token, method: 'DELETE' })
};
