/** Importing an Anki package (.apkg, .colpkg): what stops it and what the learner should know. */
import type { PackageProblem, PackageWarning } from '$lib/domain/import/anki-package';
import { isAre, plural } from './plural';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
const quoted = (names: string[], count: number) =>
  names.map((n) => `“${n}”`).join(', ') + (count > names.length ? ` and ${count - names.length} more` : '');
const anki = 'In Anki, export the deck again (File → Export, “Anki Deck Package”) and import the new file.';

function problem(p: PackageProblem): string {
  switch (p.code) {
    case 'package-too-large':
      return `This package is ${megabytes(p.bytes)}; the limit is ${megabytes(p.limit)}. In Anki, export fewer decks at a time, or without media you do not need.`;
    case 'unpacks-too-large':
      return `This package unpacks to more than ${megabytes(p.limit)}, more than this device can hold while importing. Export fewer decks at a time.`;
    case 'collection-too-large':
      return `The collection in this package is ${p.bytes > p.limit ? 'more than ' : ''}${megabytes(Math.min(p.bytes, p.limit))}: too big to read in the browser (the limit is ${megabytes(p.limit)}). In Anki, export one deck at a time as “Anki Deck Package”.`;
    case 'damaged-zip':
      return `This file is not a complete Anki package: it cannot be unzipped (${p.detail}). It may not have finished downloading. ${anki}`;
    case 'no-collection':
      return `This zip file holds no Anki collection (no collection.anki21b, collection.anki21 or collection.anki2)${p.files.length ? `; it holds ${p.files.slice(0, 5).join(', ')}` : ''}. Choose the .apkg or .colpkg file Anki exported.`;
    case 'package-too-new':
      return `This package was made by a newer version of Anki than Factdeck can read (package version ${p.version}). In Anki, export it with “Support older Anki versions” ticked.`;
    case 'unknown-schema':
      return `The collection in this package (${p.file}) has database version ${p.version}, which Factdeck cannot read. In Anki, export it with “Support older Anki versions” ticked.`;
    case 'damaged-collection':
      return `The collection in this package (${p.file}) is damaged and cannot be read (${p.detail}). ${anki}`;
    case 'damaged-media-list':
      return `The list of media files in this package is damaged (${p.detail}). ${anki}`;
    case 'media-file-missing':
      return `The media file “${p.name}” is listed in this package but missing from it. ${anki}`;
    case 'media-mismatch':
      return `The media file “${p.name}” does not match what the package records for it (its ${p.field === 'size' ? 'size' : 'SHA-1 checksum'} is ${p.actual}, not ${p.expected}): the package is damaged. ${anki}`;
    case 'damaged-media':
      return `The media file “${p.name}” in this package is damaged (${p.detail}). ${anki}`;
    case 'no-cards':
      return p.notes
        ? `None of the ${plural(p.notes, 'note')} in this package could become a card (see the notes below).`
        : 'This package holds no notes.';
    case 'too-many-cards':
      return `The deck “${p.deck}” has ${p.cards.toLocaleString('en')} cards; the limit is ${p.limit.toLocaleString('en')} per deck. In Anki, export its subdecks one at a time.`;
    case 'unexpected':
      return `Something went wrong while reading this package (${p.detail}). Please report this problem, with the file if you can.`;
  }
}

function warning(w: PackageWarning): string {
  switch (w.code) {
    case 'first-two-fields':
      return `Factdeck has no card type like the note type “${w.noteType}”, so for its ${plural(w.notes, 'note')} the first two fields are front and back (“${w.front}” and “${w.back}”).`;
    case 'image-occlusion-skipped':
      return `${plural(w.notes, 'Image Occlusion note')} (“${w.noteType}”) cannot be studied in Factdeck and ${isAre(w.notes)} left out.`;
    case 'too-few-fields-skipped':
      return `${plural(w.notes, 'note')} of the note type “${w.noteType}” ${w.notes === 1 ? 'has' : 'have'} fewer than two fields and ${isAre(w.notes)} left out.`;
    case 'empty-notes-skipped':
      return `${plural(w.notes, 'note')} with an empty side ${isAre(w.notes)} left out (such as “${w.example}”).`;
    case 'long-notes-skipped':
      return `${plural(w.notes, 'note')} with a side longer than ${w.limit.toLocaleString('en')} characters ${isAre(w.notes)} left out (such as “${w.example}”).`;
    case 'cloze-unreadable-skipped':
      return `${plural(w.notes, 'cloze note')} whose text Factdeck cannot read (braces inside the deletions) ${isAre(w.notes)} left out (such as “${w.example}”).`;
    case 'cloze-grouped':
      return `In ${plural(w.notes, 'cloze note')}, Anki hides several deletions on one card (the same number, like c1, used twice); Factdeck asks each deletion on its own card.`;
    case 'cloze-nested':
      return `${plural(w.notes, 'cloze note')} ${w.notes === 1 ? 'has' : 'have'} a deletion inside another; the inner one is asked as part of the outer.`;
    case 'fields-left-out':
      return `The note type “${w.noteType}” has fields Factdeck does not show: ${w.fields.map((f) => `“${f}”`).join(', ')}. They are not imported.`;
    case 'formatting-dropped':
      return `${plural(w.notes, 'note')} use${w.notes === 1 ? 's' : ''} formatting Factdeck does not show (colours, fonts, tables, sub- and superscript): the text is kept without it.`;
    case 'media-missing':
      return `${plural(w.count, 'media file')} the cards show ${isAre(w.count)} not in the package: ${quoted(w.names, w.count)}. Those cards show the text around ${w.count === 1 ? 'it' : 'them'}.`;
    case 'media-unsupported':
      return `${plural(w.count, 'media file')} of a kind Factdeck cannot show ${isAre(w.count)} left out: ${quoted(w.names, w.count)}.`;
    case 'history-skipped': {
      const parts = [
        w.manual && `${plural(w.manual, 'manual change')} (set due date, reschedule, reset)`,
        w.cramming && `${plural(w.cramming, 'cramming answer')} that did not reschedule`,
        w.beforeReset && `${plural(w.beforeReset, 'answer')} given before the card was reset`,
        w.otherCards && `${plural(w.otherCards, 'answer')} to cards that are not imported`
      ].filter(Boolean);
      return `Left out of the review history: ${parts.join('; ')}.`;
    }
  }
}

const TYPE_NAMES: Record<string, string> = {
  basic: 'basic cards',
  reverse: 'cards studied both ways',
  'optional-reverse': 'cards studied both ways where the note asks for it, else basic',
  typed: 'typed-answer cards',
  cloze: 'cloze cards, one per deletion',
  'first-two': 'basic cards from the first two fields',
  skip: 'left out'
};

export const ankiPackage = {
  problem,
  warning,
  readAs: (file: string, current: boolean) =>
    `Read as an Anki package${current ? '' : ' (older format)'} from ${file}.`,
  problems: (n: number) => `${plural(n, 'problem')}: nothing can be imported. Nothing has been saved.`,
  decks: (n: number) => (n === 1 ? 'The deck' : `${n} decks`),
  deck: (cards: number, id: string) => `${plural(cards, 'card')}, deck id ${id}`,
  fromAnki: (names: string[]) => `From Anki: ${names.join(', ')}`,
  media: (images: number, sounds: number, megabytes: string) =>
    images + sounds
      ? `Media: ${plural(images, 'image')} and ${plural(sounds, 'sound')}, ${megabytes === '0.1' ? 'under 0.1' : megabytes} MB, stored on this device.`
      : 'Media: none.',
  history: (reviews: number, cards: number) =>
    reviews
      ? `Review history: ${plural(reviews, 'review')} of ${plural(cards, 'card')}.`
      : 'Review history: none in this package.',
  keepHistory: 'Keep my Anki review history',
  keepHistoryNote:
    'Your answers in Anki become your review history here, and each card is scheduled from them. Without it, every card starts as new.',
  noteTypes: 'Note types',
  noteType: 'Note type',
  notes: 'Notes',
  becomes: 'Becomes',
  typeName: (to: string) => TYPE_NAMES[to] ?? to,
  storage: (needed: string, available: string | null) =>
    available === null
      ? `This import needs about ${needed} MB on this device.`
      : `This import needs about ${needed} MB on this device; about ${available} MB are free.`,
  noRoom: (needed: string, available: string) =>
    `This device has about ${available} MB free, and this import needs about ${needed} MB. Free some space (or delete decks you no longer use) and try again.`,
  backupNote:
    'Images and sounds are kept on this device only: a backup file holds the cards and your progress but not the media. Keep the package file; importing it again brings the media back and keeps your progress.',
  warnings: (n: number) => plural(n, 'note') + ' on how the package was read',
  firstCards: (n: number, total: number) => (total > n ? `The first ${n} of ${plural(total, 'card')}` : 'The cards')
};
