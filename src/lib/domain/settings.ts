/** Learner preferences, with the defaults a new learner gets. */
import { own } from './own';
import type { DailyLimits } from './queue';

export interface Settings {
  /** Probability of recall FSRS aims for at the due date. */
  desiredRetention: number;
  /** Limits for every deck without its own. */
  limits: DailyLimits;
  /** Per-deck overrides of `limits`, by deck id. */
  deckLimits: Record<string, DailyLimits>;
  /** Colour theme: follow the system, or always light or dark. */
  theme: Theme;
  /** Swipe the study card left for Again and right for Good. */
  swipeGrading: boolean;
  /** Read the answer aloud (speech synthesis) as soon as it is shown. */
  readAnswerAloud: boolean;
  /**
   * Show one item of a card per day: the other direction of a reverse card, or another deletion of a
   * cloze, waits until the next day once one was studied (as Anki does by default).
   */
  burySiblings: boolean;
}

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DEFAULT_SETTINGS: Settings = {
  desiredRetention: 0.9,
  limits: { newPerDay: 20, reviewsPerDay: 200 },
  deckLimits: {},
  theme: 'system',
  swipeGrading: true,
  readAnswerAloud: false,
  burySiblings: true
};

export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;
export const LIMIT_MAX = 9999;

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LIMIT_MAX ? value : fallback;
}

function limitsFrom(raw: unknown, fallback: DailyLimits): DailyLimits {
  const r = (raw ?? {}) as Partial<DailyLimits>;
  return {
    newPerDay: int(r.newPerDay, fallback.newPerDay),
    reviewsPerDay: int(r.reviewsPerDay, fallback.reviewsPerDay)
  };
}

/** Settings read from storage, with anything missing or out of range replaced by its default. */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  const retention =
    typeof r.desiredRetention === 'number' &&
    r.desiredRetention >= RETENTION_RANGE.min &&
    r.desiredRetention <= RETENTION_RANGE.max
      ? r.desiredRetention
      : DEFAULT_SETTINGS.desiredRetention;
  const limits = limitsFrom(r.limits, DEFAULT_SETTINGS.limits);
  const deckLimits: Record<string, DailyLimits> = {};
  // Deck ids are slugs: any other key (like "__proto__") is no deck's.
  if (r.deckLimits && typeof r.deckLimits === 'object')
    for (const [id, l] of Object.entries(r.deckLimits))
      if (/^[a-z0-9-]+$/.test(id)) deckLimits[id] = limitsFrom(l, limits);
  const theme = THEMES.includes(r.theme as Theme) ? (r.theme as Theme) : DEFAULT_SETTINGS.theme;
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const swipeGrading = flag(r.swipeGrading, DEFAULT_SETTINGS.swipeGrading);
  const burySiblings = flag(r.burySiblings, DEFAULT_SETTINGS.burySiblings);
  const readAnswerAloud = flag(r.readAnswerAloud, DEFAULT_SETTINGS.readAnswerAloud);
  return { desiredRetention: retention, limits, deckLimits, theme, swipeGrading, burySiblings, readAnswerAloud };
}

/** The limits that apply to one deck. */
export function limitsFor(settings: Settings, deckId: string): DailyLimits {
  return own(settings.deckLimits, deckId) ?? settings.limits;
}
