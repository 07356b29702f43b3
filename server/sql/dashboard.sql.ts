/**
 * The class dashboard, computed in SQL from the members' synced records: only reviews and quiz
 * attempts of the class's published decks, of accounts that are members now, and not taken away by
 * one of the student's removals (a removal takes what it covers and was written before it, docs/sync.md).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/schema';

const DAY = 86_400_000;

/** Live reviews and quiz attempts of the class's members on its decks, as common table expressions. */
function live(classId: string): RawBuilder<unknown> {
  return sql`
    members as (
      select account_id, member_id, display_name, joined_at from class_members where class_id = ${classId}
    ),
    decks as (
      select deck_id, class_deck_id, title, content from published_decks where class_id = ${classId}
    ),
    removals as materialized (
      select x.account_id, x.at, x.body::jsonb -> 'scope' as scope
      from records x join members m on m.account_id = x.account_id
      where x.kind = 'removal' and (x.deck_id is null or x.deck_id in (select class_deck_id from decks))
    ),
    -- Each removal as the time before which it takes records away, keyed by what it covers; per
    -- student one JSON object, so filtering a review is a lookup, never a join whose plan could go
    -- wrong where statistics are missing (PGlite never analyzes on its own).
    cutoffs as (
      select account_id, key, max(at) as at from (
        select account_id, at,
          case scope ->> 'type'
            when 'all' then 'all'
            when 'deck' then 'deck:' || (scope ->> 'deckId')
            else 'review:' || (scope ->> 'logId')
          end as key
        from removals where scope ->> 'type' in ('all', 'deck', 'review')
        union all
        select account_id, at, 'item:' || (scope ->> 'deckId') || '/' || item
        from removals, jsonb_array_elements_text(scope -> 'cardIds') as item
        where scope ->> 'type' = 'items'
      ) k
      group by account_id, key
    ),
    gone as materialized (
      select account_id, jsonb_object_agg(key, at) as cut from cutoffs group by account_id
    ),
    reviews as (
      select m.account_id, d.deck_id, split_part(r.card_id, '#', 1) as card_id, r.reviewed_at, r.rating, r.state_before
      from members m
      cross join decks d
      left join gone g on g.account_id = m.account_id
      -- Per member and deck, from the index alone (records_deck holds every column read here), so the
      -- cost follows the class's reviews, never the size of the table.
      cross join lateral (
        select x.id, x.card_id, x.at, x.reviewed_at, x.rating, x.state_before from records x
        where x.account_id = m.account_id and x.deck_id = d.class_deck_id and x.kind = 'review'
      ) r
      where g.cut is null or r.at >= greatest(
        coalesce((g.cut ->> 'all')::bigint, 0),
        coalesce((g.cut ->> ('deck:' || d.class_deck_id))::bigint, 0),
        coalesce((g.cut ->> ('item:' || d.class_deck_id || '/' || r.card_id))::bigint, 0),
        coalesce((g.cut ->> ('review:' || r.id))::bigint, 0)
      )
    ),
    quizzes as (
      select m.account_id, d.deck_id, q.attempt
      from members m
      cross join decks d
      left join gone g on g.account_id = m.account_id
      cross join lateral (
        select x.at, x.body::jsonb -> 'row' as attempt from records x
        where x.account_id = m.account_id and x.deck_id = d.class_deck_id and x.kind = 'quiz'
      ) q
      where g.cut is null or q.at >= greatest(
        coalesce((g.cut ->> 'all')::bigint, 0),
        coalesce((g.cut ->> ('deck:' || d.class_deck_id))::bigint, 0)
      )
    )`;
}

export interface CardRow {
  deck_id: string;
  card_id: string;
  type: string;
  kind: string | null;
  prompt: string;
  position: number;
  students: number;
  reviews: number;
  reviews_7: number;
  passed_7: number;
  reviews_30: number;
  passed_30: number;
  lapses: number;
  quiz_right: number;
  quiz_wrong: number;
}

/** Every card of the class's decks with its totals, the hardest first. */
export async function cards(db: Db, classId: string, now: number): Promise<CardRow[]> {
  return (await cardsQuery(classId, now).execute(db)).rows;
}

/** The query of `cards`, to run or to explain. */
export function cardsQuery(classId: string, now: number): RawBuilder<CardRow> {
  const since7 = now - 7 * DAY;
  const since30 = now - 30 * DAY;
  return sql<CardRow>`
    with ${live(classId)},
    cards as (
      select d.deck_id, c.value ->> 'id' as card_id, c.value ->> 'type' as type, c.value ->> 'kind' as kind,
             coalesce(c.value ->> 'front', c.value ->> 'text') as prompt, c.ord::int as position
      from decks d, jsonb_array_elements(d.content::jsonb -> 'cards') with ordinality as c(value, ord)
    ),
    -- Grouped by student first, then by card: hash aggregates, where count(distinct) would sort.
    per_student as (
      select deck_id, card_id, account_id,
        count(*) as reviews,
        count(*) filter (where reviewed_at >= ${since7}) as reviews_7,
        count(*) filter (where reviewed_at >= ${since7} and rating > 1) as passed_7,
        count(*) filter (where reviewed_at >= ${since30}) as reviews_30,
        count(*) filter (where reviewed_at >= ${since30} and rating > 1) as passed_30,
        count(*) filter (where rating = 1 and state_before = 2) as lapses
      from reviews group by deck_id, card_id, account_id
    ),
    by_card as (
      select deck_id, card_id,
        count(*)::int as students,
        sum(reviews)::int as reviews,
        sum(reviews_7)::int as reviews_7,
        sum(passed_7)::int as passed_7,
        sum(reviews_30)::int as reviews_30,
        sum(passed_30)::int as passed_30,
        sum(lapses)::int as lapses
      from per_student group by deck_id, card_id
    ),
    answers as (
      select q.deck_id, split_part(item, '#', 1) as card_id, (a.value -> 'missed') ? item as missed
      from quizzes q,
        jsonb_array_elements(q.attempt -> 'answers') as a(value),
        jsonb_array_elements_text(a.value -> 'itemIds') as item
    ),
    by_quiz as (
      select deck_id, card_id,
        count(*) filter (where not missed)::int as quiz_right,
        count(*) filter (where missed)::int as quiz_wrong
      from answers group by deck_id, card_id
    )
    select c.deck_id, c.card_id, c.type, c.kind, c.prompt, c.position,
      coalesce(r.students, 0) as students, coalesce(r.reviews, 0) as reviews,
      coalesce(r.reviews_7, 0) as reviews_7, coalesce(r.passed_7, 0) as passed_7,
      coalesce(r.reviews_30, 0) as reviews_30, coalesce(r.passed_30, 0) as passed_30,
      coalesce(r.lapses, 0) as lapses, coalesce(q.quiz_right, 0) as quiz_right, coalesce(q.quiz_wrong, 0) as quiz_wrong
    from cards c
    left join by_card r on r.deck_id = c.deck_id and r.card_id = c.card_id
    left join by_quiz q on q.deck_id = c.deck_id and q.card_id = c.card_id
    order by
      r.passed_30::float8 / nullif(r.reviews_30, 0) asc nulls last,
      coalesce(r.lapses, 0) desc,
      coalesce(q.quiz_wrong, 0)::float8 / nullif(coalesce(q.quiz_wrong, 0) + coalesce(q.quiz_right, 0), 0) desc nulls last,
      c.deck_id, c.position
  `;
}

export interface StudentRow {
  member_id: string;
  display_name: string;
  joined_at: Date;
  cards_studied: number;
  reviews_7: number;
  retention_reviews: number;
  retention_passed: number;
  last_active: number | null;
}

/** Every student with their totals over the class's decks, by display name. */
export async function students(db: Db, classId: string, now: number): Promise<StudentRow[]> {
  return (await studentsQuery(classId, now).execute(db)).rows;
}

/** The query of `students`, to run or to explain. */
export function studentsQuery(classId: string, now: number): RawBuilder<StudentRow> {
  const since7 = now - 7 * DAY;
  const since30 = now - 30 * DAY;
  return sql<StudentRow>`
    with ${live(classId)},
    -- Grouped by card first, then by student: hash aggregates, where count(distinct) would sort.
    per_card as (
      select account_id, deck_id, card_id,
        count(*) filter (where reviewed_at >= ${since7}) as reviews_7,
        count(*) filter (where reviewed_at >= ${since30} and state_before = 2) as retention_reviews,
        count(*) filter (where reviewed_at >= ${since30} and state_before = 2 and rating > 1) as retention_passed,
        max(reviewed_at) as last_review
      from reviews group by account_id, deck_id, card_id
    ),
    by_account as (
      select account_id,
        count(*)::int as cards_studied,
        sum(reviews_7)::int as reviews_7,
        sum(retention_reviews)::int as retention_reviews,
        sum(retention_passed)::int as retention_passed,
        max(last_review) as last_review
      from per_card group by account_id
    ),
    last_quiz as (
      select account_id, max((attempt ->> 'finishedAt')::float8) as last_quiz from quizzes group by account_id
    )
    select m.member_id, m.display_name, m.joined_at,
      coalesce(a.cards_studied, 0) as cards_studied, coalesce(a.reviews_7, 0) as reviews_7,
      coalesce(a.retention_reviews, 0) as retention_reviews, coalesce(a.retention_passed, 0) as retention_passed,
      greatest(a.last_review, q.last_quiz) as last_active
    from members m
    left join by_account a on a.account_id = m.account_id
    left join last_quiz q on q.account_id = m.account_id
    order by lower(m.display_name), m.member_id
  `;
}

export interface BestQuizRow {
  member_id: string;
  deck_id: string;
  best: number;
  attempts: number;
}

/** Each student's best quiz score (whole percent) per deck, where they took one. */
export async function bestQuizzes(db: Db, classId: string): Promise<BestQuizRow[]> {
  const { rows } = await sql<BestQuizRow>`
    with ${live(classId)}
    select m.member_id, q.deck_id,
      max(round(100.0 * (q.attempt ->> 'correct')::int / (q.attempt ->> 'total')::int))::int as best,
      count(*)::int as attempts
    from quizzes q join members m on m.account_id = q.account_id
    where (q.attempt ->> 'total')::int > 0
    group by m.member_id, q.deck_id
    order by m.member_id, q.deck_id
  `.execute(db);
  return rows;
}
