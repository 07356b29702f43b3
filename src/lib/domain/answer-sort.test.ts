import { describe, expect, test } from 'vitest';
import { answerSort, canonicalSort, formSort, type SortInput } from './answer-sort';

const q = (prompt: string, answer: string, over: Partial<SortInput> = {}): SortInput => ({
  prompt,
  answer,
  position: 'back',
  ...over
});

describe('answerSort', () => {
  test.each<[string, SortInput, string | null]>([
    // the answer's own form
    ['a year', q('When was it published?', '2020'), 'date'],
    ['a full date', q('The article is dated […].', '25 August 2020', { position: 'cloze' }), 'date'],
    ['a relative time', q('Duque spoke […].', 'last week', { position: 'cloze' }), 'date'],
    ['a number word', q('How many ships?', 'Four'), 'number'],
    ['a number with a unit', q('How many?', '4 ships'), 'number'],
    ['yes or no', q('Is it sourced?', 'No'), 'boolean'],
    // job titles, organisations, places, by the answer's words
    ['a job title', q('Nicolás Maduro', 'President of Venezuela'), 'title'],
    ['a job title after a possessive', q('Vladimir Padrino', "Venezuela's Defense Minister"), 'title'],
    [
      'a description headed by a job',
      q('Affiliation?', 'Research fellow in international law at the University'),
      'title'
    ],
    ['a title before a name is a person', q('Whom did he order?', 'Defense Minister Vladimir Padrino'), 'person'],
    ['an acronym', q('Which company?', 'PDVSA'), 'organisation'],
    ['a camel-case name', q('Who first published the article?', 'InfoBrics'), 'organisation'],
    ['a description of a company', q('PDVSA', "Venezuela's state oil company"), 'organisation'],
    [
      'a long description of a channel',
      q('VTV', 'Venezuelan state TV channel on which Maduro spoke about missiles'),
      'organisation'
    ],
    ['a sea', q('Which sea?', 'Caribbean Sea'), 'place'],
    ['a country', q('Who sanctioned them?', 'United States'), 'country'],
    // the question's cue
    ['"Who" and a name', q('Who wrote the article?', 'Lucas Leiroz de Almeida'), 'person'],
    ['"Which president"', q('Which president said it?', 'Iván Duque'), 'person'],
    [
      'the answer to a job title is a person',
      q('President of Venezuela', 'Nicolás Maduro', { position: 'front' }),
      'person'
    ],
    ['"What is the capital of…"', q('What is the capital of Australia?', 'Canberra'), 'city'],
    ['"Which city…"', q('Which city is the capital of Kenya?', 'Nairobi'), 'city'],
    ['an instruction naming its noun', q('Type the capital of the United States.', 'Washington, D.C.'), 'city'],
    ['"Which country"', q('The president of which country accused him?', 'Colombia'), 'country'],
    ['any other noun is its own sort', q('What cargo were the ships carrying?', 'Iranian gasoline'), 'cargo'],
    ['modifiers are skipped, the noun is last', q('What military step does it report?', 'None'), 'step'],
    ['a plural noun before its verb', q('Which hedging verbs mark it?', 'seem, suggest'), 'verb'],
    ['words quoted from the text', q('Which hedging words mark it?', '"It seems" (twice) and "probably"'), 'phrase'],
    ['"(two words)"', q('What do they share? (two words)', 'common enemy'), 'phrase'],
    ['"What role" with no job title', q('What role does the US play?', 'naval hegemony'), 'role'],
    ['a job title with its year', q('Iván Duque', 'President of Colombia in 2020'), 'title'],
    ['a term described by a clause', q('Nicolás Maduro', 'President of Venezuela in 2020; contested'), 'title'],
    ['"what kind of"', q('Defence against what kind of threats?', 'imperialist'), 'threat'],
    ['a cloze hint', q('Tehran sent [what cargo?] ships.', 'oil', { position: 'cloze', hint: 'what cargo?' }), 'cargo'],
    [
      'a cloze hint naming a place',
      q('[…] is the capital.', 'Berlin', { position: 'cloze', hint: 'a city on the River Spree' }),
      'city'
    ],
    ['a "when" hint', q('He spoke [when?].', 'last month', { position: 'cloze', hint: 'when?' }), 'date'],
    // reasons and other statements, by what the question asks
    [
      '"Why"',
      q('Why did Maduro keep it secret?', 'Because of the economic boycott the United States imposed'),
      'reason'
    ],
    [
      '"According to…, why"',
      q('Why, according to Maduro, could Iran help?', 'Iran has advanced military technology.'),
      'reason'
    ],
    [
      '"and why" is not a why-question',
      q(
        'How does it spell his name, and why notice it?',
        'As "Duke", in paragraphs 3 and 6. A misspelt name is a cue.'
      ),
      null
    ],
    [
      'an event',
      q('What does the article say Washington then did to Iran?', 'It tightened sanctions on both countries.'),
      'event'
    ],
    ['a response', q('How did officials first respond to the accusation?', 'They denied it.'), 'event'],
    [
      'sourcing',
      q('What source does the article give for the seizure?', 'Only that "the United States claimed" it, no official.'),
      'sourcing'
    ],
    [
      'a prediction',
      q('What does the author predict a deal would lead to?', 'He argues it would be the first step to an alliance.'),
      'prediction'
    ],
    ['a definition', q('What is photosynthesis?', 'The process by which plants make sugar from light'), 'definition'],
    // what cannot be told
    [
      'a cloze blank with no hint',
      q('Maduro said Iran helped maintain national […].', 'governance', { position: 'cloze' }),
      null
    ],
    ['a cloze name with no hint', q('The article says […] for Venezuela.', 'Caracas', { position: 'cloze' }), null],
    [
      'a long answer to a plain "what"',
      q('What did Maduro thank Iran for?', 'Helping Venezuela get past US sanctions on its oil industry'),
      null
    ],
    // term and meaning decks, side by side
    ['a term’s meaning', q('chien', 'dog'), 'gloss:back'],
    ['the other way', q('dog', 'chien', { position: 'front' }), 'gloss:front'],
    [
      'a short answer to a question with no cue',
      q('What did Maduro call the boycott?', 'a brutal war'),
      'answer:phrase'
    ],
    // the teacher's word wins
    ['an authored sort', q('Canada', 'Ottawa', { authored: 'City' }), 'city'],
    ['an authored sort, spelled the American way', q('Who?', 'Acme', { authored: 'organization' }), 'organisation']
  ])('%s', (_, input, sort) => {
    expect(answerSort(input)).toBe(sort);
  });
});

describe('formSort', () => {
  test.each<[string, string | null]>([
    ['True', 'boolean'],
    ['4', 'number'],
    ['twenty-one', 'number'],
    ['3.5 percent', 'number'],
    ['2020', 'date'],
    ['1990s', 'date'],
    ['first half of 2020', 'date'],
    ['May 2021', 'date'],
    ['Nicolás Maduro', null],
    ['it may rain', null],
    ['no source', null]
  ])('%j is %s', (text, sort) => expect(formSort(text)).toBe(sort));
});

test('canonicalSort folds spelling and case', () => {
  expect(canonicalSort('  Job Title ')).toBe('title');
  expect(canonicalSort('Organization')).toBe('organisation');
  expect(canonicalSort('Musical instrument')).toBe('musical instrument');
});
