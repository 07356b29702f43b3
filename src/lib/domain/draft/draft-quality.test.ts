import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftArticle } from './draft';
import { draftQuality } from './draft-quality';
import * as lakeshore from './fixtures/lakeshore-phones.labels';
import * as orchard from './fixtures/orchard-bees.labels';
import * as portEllis from './fixtures/port-ellis-barrier.labels';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fields = {
  title: 'Port Ellis approves tidal barrier',
  author: 'Hannah Okafor',
  publisher: 'The Coastal Ledger',
  date: '2025-03-14',
  url: ''
};

describe('draft quality on a labelled news article', () => {
  const draft = draftArticle({ text: fixture('port-ellis-barrier.txt'), source: fields });
  const q = draftQuality(draft.cards, portEllis.keyFacts, portEllis.statements);

  it('covers at least 80% of the labelled dates, numbers and people, in the right paragraph', () => {
    console.log(`key facts covered: ${q.covered}/${q.keyFacts} (${(q.coverage * 100).toFixed(0)}%)`, q.missed);
    expect(q.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('gives at least 80% of the labelled statements the right kind (and claims the right speaker)', () => {
    console.log(
      `statements labelled right: ${q.rightKind}/${q.statements} (${(q.labelling * 100).toFixed(0)}%)`,
      q.wrong
    );
    expect(q.labelling).toBeGreaterThanOrEqual(0.8);
  });
});

describe('draft quality on a held-out article (labelled before the engine first read it)', () => {
  const draft = draftArticle({ text: fixture('lakeshore-phones.txt'), source: fields });
  const q = draftQuality(draft.cards, lakeshore.keyFacts, lakeshore.statements);

  it('reports its figures', () => {
    console.log(
      `held out: key facts ${q.covered}/${q.keyFacts}, statements ${q.rightKind}/${q.statements}`,
      q.missed,
      q.wrong
    );
    expect(q.coverage).toBeGreaterThan(0);
  });
});

describe('draft quality on a third article (labelled after tuning, before the engine first read it)', () => {
  const draft = draftArticle({ text: fixture('orchard-bees.txt'), source: fields });
  const q = draftQuality(draft.cards, orchard.keyFacts, orchard.statements);

  it('reports its figures', () => {
    console.log(
      `third: key facts ${q.covered}/${q.keyFacts}, statements ${q.rightKind}/${q.statements}`,
      q.missed,
      q.wrong
    );
    expect(q.coverage).toBeGreaterThan(0);
  });
});
