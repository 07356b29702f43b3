/** The card editor of a deck stored on this device, and making an editable copy of a built-in deck. */

export const deckEditor = {
  title: (deck: string) => `Edit cards: ${deck}`,
  intro:
    'Changes are saved as you make them. A card you edit keeps its progress, and is marked “changed since you last studied it” until you study it again.',
  backToDeck: 'Back to the deck',
  empty: 'No cards yet. Add the first one below.',
  cardsLabel: 'Cards',
  cardNumber: (n: number) => `Card ${n}`,
  changedMark: 'Changed since last studied',
  edit: 'Edit',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveUpCard: (n: number) => `Move card ${n} up`,
  moveDownCard: (n: number) => `Move card ${n} down`,
  editCard: (n: number) => `Edit card ${n}`,
  deleteCard: (n: number) => `Delete card ${n}`,
  delete: 'Delete',
  deleteConfirm: (prompt: string) =>
    `Delete the card “${prompt}”? Its progress and review history are deleted with it. This cannot be undone.`,
  deleteYes: 'Delete card',
  editing: (n: number) => `Editing card ${n}`,
  adding: 'New card',
  addHeading: 'Add a card',
  addType: 'Type of the new card',
  add: 'Add card',
  saveCard: 'Save card',
  fixFirst: 'Fix the problems above to save the card.',
  cardSaved: 'Card saved.',
  deleted: 'Card deleted.',
  moved: (to: number) => `Card moved to position ${to}.`,
  saveFailed: {
    full: 'The change was not saved.',
    other: (reason: string) => `The change could not be saved: ${reason}`
  },
  editCards: 'Edit cards',
  storedNote: 'Add, change, move or delete cards. Cards you change keep your progress.',
  builtInNote:
    'Built-in decks are read-only. Make a copy on this device to edit it; your progress on this deck stays with it.',
  makeCopy: 'Make an editable copy',
  copyTitle: (title: string) => `${title} (my copy)`,
  copyFailed: (reason: string) => `The copy could not be made: ${reason}`
};
