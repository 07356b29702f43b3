/**
 * The one definition of a valid backup file. Every object is strict: a field this version does not
 * know is an error, not silently dropped. Loaded only on demand (zod stays out of the first view).
 * A check's message is a code (`BackupSchemaCode`), never words: src/lib/text words it.
 */
import { z } from 'zod';
import { State } from 'ts-fsrs';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupDeckRow, type BackupFile } from './backup';
import { storedDeckSchema } from './deck.schema';
import type { BackupSchemaCode } from './problems';
import { MAX_DATE_MS, type CardProgress, type ReviewLogEntry, type SchedulingState } from './progress';
import { QUESTION_TYPES, type QuestionType } from './quiz';
import type { QuizAnswer, QuizAttempt } from './quiz-attempt';

/** Every field of T, none more: the shapes below fail to compile when a stored type changes. */
type Shape<T> = Record<keyof T, z.ZodType>;

/** The code a check of this schema reports in place of a message. */
const code = (c: BackupSchemaCode) => c;

const id = z.string().min(1, code('not-empty'));
/** A time in epoch ms that a Date can hold (±8.64e15): out of that range, merging gave NaN dates. */
const time = z.number().min(-MAX_DATE_MS, code('time-range')).max(MAX_DATE_MS, code('time-range'));
const count = z.int().nonnegative(code('not-negative'));
const state = z.enum(State, { error: code('card-state') });

const schedulingShape = {
  due: time,
  stability: z.number().nonnegative(code('not-negative')),
  difficulty: z.number(),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state,
  lastReview: time.nullable()
} satisfies Shape<SchedulingState>;
const schedulingSchema: z.ZodType<SchedulingState> = z.strictObject(schedulingShape);

const cardStateSchema: z.ZodType<CardProgress> = z.strictObject({
  ...schedulingShape,
  deckId: id,
  cardId: id,
  suspended: z.boolean().optional(),
  leech: z.boolean().optional()
} satisfies Shape<CardProgress>);

export const reviewLogSchema: z.ZodType<ReviewLogEntry> = z.strictObject({
  id,
  deckId: id,
  cardId: id,
  rating: z.literal([1, 2, 3, 4], { error: code('rating') }),
  reviewedAt: time,
  elapsedMs: count,
  before: schedulingSchema.nullable(),
  stateBefore: state,
  after: schedulingSchema
} satisfies Shape<ReviewLogEntry>);

const quizAnswerSchema: z.ZodType<QuizAnswer> = z.strictObject({
  questionId: id,
  type: z.enum(QUESTION_TYPES as [QuestionType, ...QuestionType[]], { error: code('question-type') }),
  itemIds: z.array(z.string()),
  missed: z.array(z.string()),
  prompt: z.string(),
  given: z.string(),
  rightAnswer: z.string(),
  right: z.boolean(),
  almost: z.boolean().optional()
} satisfies Shape<QuizAnswer>);

export const quizAttemptSchema: z.ZodType<QuizAttempt> = z.strictObject({
  id,
  deckId: id,
  startedAt: time,
  finishedAt: time,
  seed: z.number(),
  answers: z.array(quizAnswerSchema),
  correct: count,
  total: count,
  onlyMissed: z.boolean().optional()
} satisfies Shape<QuizAttempt>);

export const deckRowSchema: z.ZodType<BackupDeckRow> = z
  .strictObject({
    id,
    deck: storedDeckSchema,
    fileName: z.string().nullable(),
    format: z.string(),
    importedAt: time,
    updatedAt: time,
    changed: z.record(z.string(), time)
  } satisfies Shape<BackupDeckRow>)
  .refine((row) => row.deck.id === row.id, { message: code('deck-row-id'), path: ['id'] });

const settingRowSchema = z.strictObject({ key: id, value: z.unknown() });

/** Rows of one table whose keys must be unique, as the table's primary key requires. */
function rows<T>(row: z.ZodType<T>, key: (r: T) => string) {
  return z.array(row).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const k = key(r);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: 'repeated-key', params: { key: k } });
      seen.add(k);
    });
  });
}

export const backupDataSchema = z.strictObject({
  cardStates: rows(cardStateSchema, (r) => `${r.deckId}\u0000${r.cardId}`),
  reviewLogs: rows(reviewLogSchema, (r) => r.id),
  settings: rows(settingRowSchema, (r) => r.key),
  quizAttempts: rows(quizAttemptSchema, (r) => r.id),
  decks: rows(deckRowSchema, (r) => r.id)
});

export const backupFileSchema: z.ZodType<BackupFile> = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  exportedAt: z.iso.datetime({ offset: true, error: code('date-time') }),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/, code('checksum')),
  data: backupDataSchema
});
