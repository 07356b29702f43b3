/**
 * Everything the app itself says, in plain English. A translation is a copy of this file with the
 * words changed. Deck content (cards, deck titles, sources) is not here: it comes with each deck, in
 * the deck's own language.
 */

/** "1 card", "3 cards". */
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "is" or "are", for a count. */
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

export const t = {
  app: {
    name: 'Factdeck',
    /** The browser tab's title for a page. */
    title: (page: string) => `${page} · Factdeck`
  },
  nav: {
    label: 'Main',
    skip: 'Skip to content',
    stats: 'Stats',
    cards: 'Cards',
    settings: 'Settings'
  },
  common: {
    loading: 'Loading…',
    cancel: 'Cancel',
    close: 'Close',
    reload: 'Reload',
    study: 'Study',
    backToDeck: 'Back to the deck',
    /** An error's own words, for the end of a sentence. */
    reason: (e: unknown) => (e instanceof Error ? e.message : String(e))
  },
  offline: {
    badge: 'Offline',
    detail: 'No network: everything here still works, and your progress is saved on this device.'
  },
  install: {
    button: 'Install app',
    why: 'Opens from your home screen, full screen, and works offline.',
    ios: 'To install: tap Share, then Add to Home Screen.'
  },
  update: {
    available: 'New version available.',
    later: 'Later'
  },
  storageEvents: {
    'updated-elsewhere': 'Factdeck was updated in another tab: reload to continue.',
    'deleted-elsewhere': "Factdeck's data was deleted in another tab: reload to continue.",
    blocked: 'Factdeck is updating how it stores your progress. Close or reload your other Factdeck tabs to continue.'
  },
  shortcuts: {
    heading: 'Keyboard shortcuts',
    key: 'Key',
    what: 'What it does',
    list: [
      ['Space or Enter', 'Show the answer'],
      ['1, 2, 3, 4', 'Grade: Again, Hard, Good, Easy'],
      ['1 to 4', 'Before the answer: pick an option (multiple choice, true or false)'],
      ['U or Ctrl+Z', 'Undo the last grade'],
      ['Enter', 'Quiz: submit a typed answer, then continue'],
      ['?', 'Show this list'],
      ['Escape', 'Close this list']
    ] as [string, string][]
  },
  /** The four grades, by rating (1 to 4). */
  grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as Record<1 | 2 | 3 | 4, string>,
  states: {
    new: 'New',
    learning: 'Learning',
    review: 'Review',
    relearning: 'Relearning',
    suspended: 'Suspended',
    leech: 'Leech'
  },
  kinds: {
    fact: 'Reported fact',
    claim: 'Claim',
    claimBy: (who: string | undefined) => `Claim: ${who ?? 'someone'}`,
    opinion: "Author's opinion"
  },
  answers: { true: 'True', false: 'False' },
  citation: {
    source: 'Source:',
    paragraph: (n: number) => `paragraph ${n}`,
    paragraphs: (first: string, last: number) => `paragraphs ${first} and ${last}`
  },
  cloze: {
    blank: 'blank',
    blankWithHint: (hint: string) => `blank, hint: ${hint}`
  },
  /** When a card is due, from now. */
  due: {
    now: 'now',
    inMinutes: (m: number) => `in ${plural(m, 'minute')}`,
    inHours: (h: number) => `in ${plural(h, 'hour')}`,
    laterToday: 'later today',
    tomorrow: 'tomorrow',
    on: (date: string) => `on ${date}`
  },
  duration: {
    none: '0 min',
    seconds: (s: number) => `${s} s`,
    minutes: (m: number) => `${m} min`,
    hours: (h: number) => `${h} h`,
    hoursMinutes: (h: number, m: number) => `${h} h ${m} min`
  },
  charts: {
    showTable: (caption: string) => `Show “${caption}” as a table`,
    empty: 'Nothing to show.',
    heatmapDefaultTitle: 'Reviews per day',
    heatmapScrolls: (title: string) => `${title}, scrolls sideways`,
    heatmapNone: (days: number) => `No reviews in the ${days} days shown.`,
    heatmapSummary: (total: number, studied: number, days: number, max: number) =>
      `${plural(total, 'review')} on ${plural(studied, 'day')} of the last ${days}; the most in one day was ${max}.`,
    heatmapCell: (day: string, reviews: number) => `${day}: ${plural(reviews, 'review')}`,
    heatmapHeaders: ['Day', 'Reviews', 'Time'],
    heatmapEmpty: 'No reviews yet.',
    less: 'Less',
    more: 'More',
    weekdays: ['Mon', 'Wed', 'Fri']
  },
  error: {
    notFound: 'Not found',
    failed: 'Something went wrong',
    noPage: 'There is no page at this address.',
    home: 'Back to your decks',
    /** A write refused for lack of space; `outcome` says what did not happen ("your answer was not saved"). */
    storageFull: (outcome: string) =>
      `Your device is out of storage space, so ${outcome}. Free some space on it, or download a backup from Settings, then try again.`
  },
  home: {
    heading: 'Your decks',
    intro: 'Everything works offline. Your progress stays on this device.',
    backupReminder: 'A week of study without a backup:',
    backupLink: 'download one in Settings',
    importedHeading: 'Imported on this device',
    importedLabel: 'Imported decks',
    builtInHeading: 'Built in',
    builtInLabel: 'Built-in decks',
    noDecks: 'No decks yet.',
    noDecksImport: 'Import a deck',
    noDecksBuild: ', or add a deck file to',
    noDecksRebuild: 'and rebuild.',
    importDeck: 'Import a deck',
    importedMarker: 'Imported',
    due: 'due',
    new: 'new',
    cards: (n: number) => plural(n, 'card'),
    studyDeck: (title: string) => `Study ${title}`
  },
  deck: {
    from: 'From',
    by: (author: string, publisher: string, original: string | undefined, date: string) =>
      `by ${author}, ${publisher}${original ? ` (first published by ${original})` : ''}, ${date}.`,
    progressHeading: 'Your progress',
    toStudyNow: (all: number, learning: number, review: number, fresh: number) =>
      `${all} to study now: ${learning} learning, ${review} due, ${fresh} new.`,
    nothingNowNext: (when: string) => `Nothing to study now. Next card due ${when}.`,
    nothingNow: 'Nothing to study now.',
    loadingProgress: 'Loading your progress…',
    quizHeading: 'Quiz',
    quizScores: (last: number, correct: number, total: number, best: number) =>
      `Last score: ${last}% (${correct} of ${total}). Best: ${best}%.`,
    quizIntro: 'Test yourself with generated questions: multiple choice, true or false, typed answers and matching.',
    takeQuiz: 'Take a quiz',
    about: (imported: boolean, cards: number, language: string, tags: string[]) =>
      `${imported ? 'Imported on this device · ' : ''}${plural(cards, 'card')} · language ${language}${tags.length ? ` · ${tags.join(', ')}` : ''}`,
    actionsHeading: (imported: boolean) => `Export${imported ? ' or delete' : ''}`,
    exportYaml: 'Export as Factdeck file',
    exportCsv: 'Export as CSV',
    exportNote:
      'The Factdeck file keeps everything; CSV keeps fronts, backs and tags, for spreadsheets and other apps.',
    delete: 'Delete this deck',
    deleteConfirm: (title: string) =>
      `Delete “${title}” from this device, with all its progress and quiz results? This cannot be undone.`,
    deleteYes: 'Delete',
    deleteFailed: (reason: string) => `The deck could not be deleted: ${reason}`
  },
  study: {
    title: (deck: string) => `Study: ${deck}`,
    headingPrefix: 'Study: ',
    loadFailed: (reason: string) => `Your progress could not be read: ${reason}`,
    progress: 'Session progress',
    counts: (learning: number, review: number, fresh: number) => `${learning} learning · ${review} due · ${fresh} new`,
    changed: 'Changed since you last studied it.',
    swipeHint: 'Swipe left for Again, right for Good.',
    showAnswer: 'Show answer',
    gradesLabel: 'How well did you remember?',
    undo: 'Undo',
    undoLast: 'Undo last grade',
    keysHint: 'Keys: Space or Enter shows the answer, 1–4 grade, U undoes, ? lists all keys.',
    graded: (grade: string, when: string) => `Graded ${grade}. Due again ${when}.`,
    undone: 'Grade undone: the card is back.',
    nextDue: (when: string) => `Next card due ${when}.`,
    noneScheduled: 'No more cards are scheduled in this deck.',
    card: 'Card',
    yourAnswer: 'Your answer',
    check: 'Check',
    options: 'Options',
    trueOrFalse: 'True or false',
    right: 'Right',
    notQuite: 'Not quite',
    youWrote: ': you wrote ',
    answer: 'Answer:',
    alsoAccepted: 'Also accepted:',
    complete: 'Session complete',
    nothingToStudy: 'Nothing to study right now',
    reviewed: (cards: number, minutes: number) =>
      `You reviewed ${plural(cards, 'card')} in about ${plural(minutes, 'minute')}.`,
    upToDate: 'You are up to date with this deck.'
  },
  quiz: {
    title: (deck: string) => `Quiz: ${deck}`,
    headingPrefix: 'Quiz: ',
    intro: 'Test yourself now. Quizzes do not change when cards are due for study.',
    progress: 'Quiz progress',
    questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
    short: (total: number) => ` (this deck has enough cards for ${total} questions)`,
    question: (n: number) => `Question ${n}`,
    keysHint: 'Keys: 1–4 pick an answer, Enter submits or continues.',
    count: 'Number of questions',
    all: 'All',
    types: 'Question types',
    typeNames: {
      choice: 'Multiple choice',
      truefalse: 'True or false',
      typed: 'Typed answers',
      match: 'Matching round'
    },
    onlyMissed: 'Only cards I missed last time',
    missedNone: '(you missed none)',
    start: 'Start quiz',
    history: 'Your attempts',
    attempt: (when: string, correct: number, total: number, percent: number) =>
      `${when}: ${correct} of ${total} (${percent}%)`,
    options: 'Options',
    trueOrFalse: 'True or false',
    answerGiven: 'Answer given:',
    yourAnswer: 'Your answer',
    submit: 'Submit',
    matchPrompt: 'Match each prompt with its answer.',
    matchHelp: 'Choose a prompt, then its answer. Choose a matched prompt again to undo it.',
    prompts: 'Prompts',
    answers: 'Answers',
    rightIs: 'Right:',
    checkMatches: 'Check matches',
    almost: 'Almost: check your spelling.',
    right: 'Right!',
    notQuite: 'Not quite.',
    rightAnswer: 'Right answer:',
    continue: 'Continue',
    seeResults: 'See results',
    results: 'Results',
    score: (correct: number, total: number, percent: number, took: string) =>
      `${correct} of ${total} right (${percent}%) in ${took}.`,
    seconds: (s: number) => `${s} seconds`,
    minutes: (m: number) => `${m} minutes`,
    retryMissed: 'Retry missed',
    newQuiz: 'New quiz',
    everyQuestion: 'Every question',
    verdictRight: '(right)',
    verdictAlmost: '(right, check the spelling)',
    verdictWrong: '(wrong)',
    noQuestions: 'These choices leave no questions to ask. Pick more question types or all cards.',
    /** For `t.error.storageFull`. */
    resultNotSaved: 'your result was not saved',
    saveFailed: (reason: string) => `Your result could not be saved: ${reason}`
  },
  import: {
    title: 'Import a deck',
    intro:
      'Add a deck to this device without any build step: from a spreadsheet saved as CSV, an Anki or Quizlet export, or a Factdeck deck file. You see every card and every problem before anything is saved. Imported decks work offline like the built-in ones.',
    sourceHeading: 'Choose a file or paste cards',
    file: 'File',
    chooseFile: 'Choose a file',
    dropNote: 'or drop it here. CSV, TSV, Anki or Quizlet text exports, and Factdeck decks (YAML or JSON).',
    paste: 'Or paste the cards here',
    format: 'Format',
    formats: {
      auto: 'Automatic',
      csv: 'CSV',
      tsv: 'TSV',
      'anki-text': 'Anki (Notes in Plain Text)',
      quizlet: 'Quizlet export',
      'factdeck-yaml': 'Factdeck deck (YAML)',
      'deck-json': 'Factdeck deck (JSON)'
    },
    /** Format names in "Read as …". */
    formatNames: {
      csv: 'CSV',
      tsv: 'TSV',
      'anki-text': 'Anki plain text',
      quizlet: 'Quizlet export',
      'factdeck-yaml': 'Factdeck deck (YAML)',
      'deck-json': 'Factdeck deck (JSON)'
    } as Record<string, string>,
    language: 'Language of the cards',
    termSeparator: 'Between term and definition',
    cardSeparator: 'Between cards',
    tab: 'tab',
    newLine: 'new line',
    preview: 'Preview',
    previewHeading: 'Preview',
    reading: 'Reading the file',
    readingShort: 'Reading…',
    readAs: 'Read as',
    fromFile: (name: string) => ` from ${name}`,
    problems: (n: number) => `${plural(n, 'problem')} to fix before importing. Nothing has been saved.`,
    where: (line: number, col: number) => `line ${line}, column ${col}`,
    deckTitle: 'Title',
    summary: (cards: number) => `${plural(cards, 'card')}, deck id`,
    renamed: (builtIn: string, id: string) =>
      `A built-in deck is called “${builtIn}”, so this one gets the id “${id}”.`,
    update: (added: number, changed: number, removed: number, unchanged: number) =>
      `You already imported this deck. Importing updates it: ${added} new, ${changed} changed, ${removed} removed, ${unchanged} unchanged. Your progress on unchanged and changed cards is kept; changed cards are marked “changed since you last studied it”.`,
    removedWithProgress: (n: number) => `${plural(n, 'studied card')} ${isAre(n)} not in the new version`,
    keepProgress: 'Keep their progress',
    deleteProgress: 'Delete their progress and history',
    cardsLabel: 'Cards to import',
    firstCards: (n: number) => `The first ${n} cards`,
    theCards: 'The cards',
    notes: (n: number) => `${plural(n, 'note')} on how the file was read`,
    empty: 'Choose a file or paste cards to see them here before anything is saved.',
    import: 'Import',
    tooLarge: (name: string, megabytes: string) =>
      `"${name}" is ${megabytes} MB; the limit is 10 MB. Split it into smaller decks.`,
    readFailed: (reason: string) => `The file could not be read: ${reason}`,
    /** For `t.error.storageFull`. */
    nothingImported: 'nothing was imported',
    saveFailed: (reason: string) => `Nothing was imported: ${reason}`
  },
  sources: {
    title: (source: string) => `${source} · Sources`,
    author: 'Author',
    publishedBy: 'Published by',
    firstPublishedBy: 'First published by',
    genre: 'Type of text',
    original: 'Original',
    paragraphs: 'Paragraphs',
    summary: 'Summary',
    rights:
      'The text of this article belongs to its author and publisher and is not reproduced here. Our cards paraphrase it and cite it by paragraph.',
    mapHeading: 'Paragraph map',
    mapIntro: 'Which cards cite each paragraph.',
    uncovered: (ps: number[]) => `Not yet covered: ${ps.map((p) => `paragraph ${p}`).join(', ')}.`,
    allCovered: 'Every paragraph is covered.',
    paragraph: (n: number) => `Paragraph ${n}`,
    cards: (n: number) => `· ${plural(n, 'card')}`
  },
  stats: {
    title: 'Statistics',
    deckTitle: (deck: string) => `${deck}: statistics`,
    decksFailed: (reason: string) => `The decks could not be loaded: ${reason}`,
    progressFailed: (reason: string) => `Your progress could not be read: ${reason}`,
    deck: 'Deck',
    allDecks: 'All decks',
    noSuchDeck: (id: string) => `There is no deck “${id}” on this device: showing all decks.`,
    counting: 'Counting…',
    cardsHeading: 'Cards',
    itemCount: (n: number) =>
      `${plural(n, 'card')} to study in all; a card asked both ways or with several blanks counts once for each.`,
    dueHeading: 'Due',
    today: 'Today',
    tomorrow: 'Tomorrow',
    next7Days: 'Next 7 days',
    forecastTitle: 'Cards due in the next 30 days',
    forecastSummary: (total: number, today: number, busiestDay: string, busiest: number) =>
      `${total} cards fall due over the next 30 days, ${today} of them today; the most fall due ${busiestDay}: ${busiest}.`,
    forecastOn: (day: string) => `on ${day}`,
    forecastHeaders: ['Day', 'Cards due'] as [string, string],
    nothingScheduled: 'Nothing is scheduled yet: cards you study come back here on the days they fall due.',
    reviewsHeading: 'Reviews',
    noReviews: 'No reviews yet. Study a deck and your reviews, streak and retention show up here.',
    reviewsToday: 'Reviews today',
    streak: 'Study streak',
    longestStreak: 'Longest streak',
    timeToday: 'Time today',
    timeTotal: 'Time in total',
    days: (n: number) => plural(n, 'day'),
    pastYear: 'The past year',
    heatmapTitle: 'Reviews per day, past year',
    retentionHeading: 'True retention',
    last7: 'Last 7 days',
    last30: 'Last 30 days',
    noMature: 'no mature reviews',
    retention: (percent: string, passed: number, total: number) => `${percent} (${passed} of ${total})`,
    retentionNote: (days: number) =>
      `The share of reviews of mature cards (an interval of ${days} days or more) that you passed: graded Hard, Good or Easy rather than Again, as Anki counts it.`,
    quizHeading: 'Quiz scores',
    quizTitle: (deck: string) => `Quiz scores, ${deck}`,
    quizSummary: (attempts: number, first: number, latest: number, best: number) =>
      `${plural(attempts, 'attempt')}; first ${first}%, latest ${latest}%, best ${best}%.`,
    quizHeaders: ['Attempt', 'Score'] as [string, string],
    noQuiz: 'No quiz taken yet.',
    noQuizLink: 'Take a quiz',
    noQuizAfter: 'and your scores are charted here.',
    leechHeading: 'Leeches',
    noLeeches: (lapses: number) =>
      `No leeches. A card you forget ${lapses} times becomes one: it is suspended, so you can rewrite it or let it go.`,
    leechIntro: (lapses: number) =>
      `Forgotten ${lapses} times or more, and suspended for it. Open one to unsuspend it or reset it.`,
    leechMeta: (deck: string, lapses: number, suspended: boolean) =>
      `${deck} · ${lapses} lapses${suspended ? ' · suspended' : ''}`,
    moreLeeches: (n: number) => `And ${n} more:`,
    allLeeches: 'see them all in the card browser'
  },
  cards: {
    title: 'Cards',
    loadFailed: (reason: string) => `The cards could not be loaded: ${reason}`,
    search: 'Search',
    searchPlaceholder: 'Words on the front or back',
    deck: 'Deck',
    allDecks: 'All decks',
    state: 'State',
    anyState: 'Any state',
    tag: 'Tag',
    anyTag: 'Any tag',
    kind: 'Kind',
    anyKind: 'Any kind',
    sort: 'Sort by',
    sorts: { deck: 'Deck order', due: 'Due date', lapses: 'Lapses' },
    count: (matches: number, all: number, shown: number) =>
      `${matches === all ? plural(all, 'card') : `${matches} of ${plural(all, 'card')} match`}${matches > shown ? `, showing the first ${shown}` : ''}.`,
    list: 'Cards',
    more: 'Show more',
    noMatch: 'No card matches. Try fewer words, or another filter.',
    due: (when: string) => `due ${when}`,
    lapses: (n: number) => plural(n, 'lapse'),
    dialogTitle: 'Card',
    historyFailed: (reason: string) => `The review history could not be read: ${reason}`,
    failed: (reason: string) => `That did not work: ${reason}`,
    suspendedDone: 'Suspended: it stays out of study until you unsuspend it.',
    unsuspendedDone: 'Unsuspended.',
    resetDone: 'Progress reset: the card is new again.',
    deckLabel: 'Deck',
    stateLabel: 'State',
    dueLabel: 'Due',
    dueWhileSuspended: ', but not shown while suspended',
    lapsesLabel: 'Lapses',
    tagsLabel: 'Tags',
    history: 'Review history',
    notReviewed: 'Not reviewed yet.',
    historyCaption: 'Reviews of this card, oldest first',
    when: 'When',
    grade: 'Grade',
    nextIn: 'Next in',
    suspend: 'Suspend',
    unsuspend: 'Unsuspend',
    reset: 'Reset progress',
    resetConfirm: (reviews: number) =>
      `Make this card new again? Its review history${reviews ? ` (${plural(reviews, 'review')})` : ''} is deleted. This cannot be undone.`,
    resetYes: 'Reset'
  },
  settings: {
    title: 'Settings',
    displayHeading: 'Display and touch',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
    themeHelp: "System follows your device's light or dark setting.",
    swipe: 'Swipe to grade',
    swipeHelp: 'On a touch screen, once the answer shows, swipe the card left for Again or right for Good.',
    saveFailed: (reason: string) => `This could not be saved: ${reason}`,
    schedulingHeading: 'Scheduling',
    retention: 'Desired retention',
    retentionHelp: (min: number, max: number, fallback: number) =>
      `How likely you want to be to remember a card when it comes back, from ${min} to ${max}. Higher means more reviews. Default ${fallback}.`,
    limitsEvery: 'Daily limits for every deck',
    newPerDay: 'New cards per day',
    reviewsPerDay: 'Reviews per day',
    dayStarts: 'A new study day starts at 4 a.m.',
    limitsOne: 'Limits for one deck',
    ownLimits: 'Use its own limits',
    save: 'Save settings',
    savedAt: (time: string) => `Saved at ${time}.`,
    restoreHeading: 'What the file holds and what is on this device',
    inFile: 'In the file',
    here: 'Here',
    madeBy: (version: string, when: string) => `A backup made by Factdeck ${version} on ${when}.`,
    rows: {
      reviews: 'Reviews',
      cardStates: 'Cards studied or suspended',
      quizAttempts: 'Quiz attempts',
      decks: 'Imported decks'
    },
    reviewsDiff: (inFileOnly: number, inBoth: number, hereOnly: number) =>
      `${plural(inFileOnly, 'review')} in the file ${isAre(inFileOnly)} new to this device; ${inBoth} already here; ${plural(hereOnly, 'review')} only here.`,
    settingsDiffer: (differ: boolean) => `Its settings are ${differ ? 'different from' : 'the same as'} the ones here.`,
    howToRestore: 'How to restore',
    merge: 'Merge with what is here',
    mergeHelp:
      'Keeps everything from both: each review once, card progress worked out again from the combined history, the newer copy of each imported deck. Your settings here are kept.',
    replace: 'Replace everything here',
    replaceHelp: 'This device will hold exactly what the file holds, settings included.',
    lost: (things: string[]) => `Lost from this device: ${things.join(', ')}.`,
    lostReviews: (n: number) => plural(n, 'review'),
    lostQuizAttempts: (n: number) => plural(n, 'quiz attempt'),
    lostDeck: (title: string) => `the deck “${title}”`,
    /** For `t.error.storageFull`. */
    nothingChanged: 'nothing was changed',
    nothingChangedBecause: (reason: string) => `Nothing was changed: ${reason}`,
    backup: {
      heading: 'Backup',
      intro:
        'Your progress lives only on this device. A backup is one file with every review, card state, quiz result, imported deck and setting; restore it here or on another device.',
      reminder: 'You have studied for a week without a backup. Download one to keep your progress safe.',
      checking: 'Checking…',
      none: 'No backup downloaded on this device yet.',
      last: (when: string, since: number) =>
        `Last backup: ${when}${since ? ` (${plural(since, 'review')} since)` : ''}.`,
      checkingStorage: 'Checking storage…',
      persistent: 'Storage is persistent: the browser will not delete your progress to free space.',
      unknown: 'This browser cannot say whether your progress is kept when space runs low.',
      notPersistent: 'Storage is not persistent: the browser may delete your progress if the device runs low on space.',
      download: 'Download backup',
      askPersist: 'Ask to keep my progress',
      downloaded: (name: string) => `Downloaded ${name}. Keep it somewhere other than this device.`,
      failed: (reason: string) => `The backup could not be made: ${reason}`
    },
    restore: {
      heading: 'Restore a backup',
      file: 'Backup file',
      button: 'Restore backup',
      chooseFirst: 'Choose a backup file first.',
      snapshotFirst: 'Before restoring, a snapshot of what is here is taken: you can go back to it below.',
      restore: 'Restore',
      replaced: (when: string) => `Restored the backup of ${when}: this device now holds exactly what it held.`,
      merged: (when: string) => `Merged the backup of ${when} with what was here.`,
      failed: (reason: string) => `Nothing was changed: the restore failed (${reason}).`
    },
    snapshots: {
      heading: 'Snapshots',
      intro: (kept: number) =>
        `Before a storage upgrade, an import, a restore, a reset or a repair, Factdeck keeps a copy of everything on this device. The last ${kept} are kept. Restoring one first takes a snapshot of what is here now.`,
      /** Why a snapshot was taken, by its reason. */
      reasons: {
        migration: 'Before a storage upgrade',
        import: 'Before importing a deck',
        restore: 'Before a restore',
        reset: 'Before resetting all progress',
        repair: 'Before repairing data'
      },
      holds: (reviews: number, cards: number, quizAttempts: number, decks: number) =>
        [
          plural(reviews, 'review'),
          plural(cards, 'card'),
          plural(quizAttempts, 'quiz attempt'),
          plural(decks, 'imported deck')
        ].join(', '),
      none: 'No snapshots yet.',
      confirmLabel: 'Restore this snapshot',
      confirm: 'Replace everything on this device with this snapshot?',
      restore: 'Restore',
      restored: (when: string) => `Everything is back as it was ${when}.`
    },
    reset: {
      heading: 'Start over',
      intro:
        "Forgets every card's progress, every review and every quiz result on this device. Imported decks and settings are kept.",
      button: 'Reset all progress',
      confirm:
        'Reset all progress on this device? Download a backup first if you might want it back on another device.',
      downloadFirst: 'Download backup first',
      yes: 'Yes, reset all progress',
      downloaded: (name: string) => `Downloaded ${name}.`,
      done: 'All progress was reset. A snapshot of it is listed below if you change your mind.',
      /** For `t.error.storageFull`. */
      nothingChanged: 'nothing was changed (the snapshot taken first needs space too)'
    },
    check: {
      heading: 'Check data',
      intro:
        "Checks that every card's progress matches its review history, and repairs what does not by rebuilding it from that history. Reviews are never deleted, and a snapshot is taken before any repair.",
      button: 'Check data',
      checking: 'Checking…',
      checked: (cardStates: number, reviews: number) =>
        `Checked ${plural(cardStates, 'card state')} and ${plural(reviews, 'review')}.`,
      repaired: (cards: number) => `Repaired ${plural(cards, 'card')}.`,
      noRepairs: 'Nothing needed repairing.',
      kept: (findings: number) => `${plural(findings, 'finding')} below, left as they are.`,
      repairedHeading: 'Repaired',
      keptHeading: 'Kept as it is',
      more: (n: number) => `and ${n} more.`,
      /** One card in a finding: its deck's title and its id. */
      card: (deck: string, cardId: string) => `${deck} · ${cardId}`,
      /** Why a card's progress was rebuilt, by reason. */
      reasons: {
        missing: 'had reviews but no progress',
        reps: 'counted a different number of reviews than its history holds',
        log: 'did not match its last review',
        values: 'held impossible values'
      },
      rebuilt: (card: string, reason: string, reviews: number, recomputed: number) =>
        `${card}: ${reason}; rebuilt from its ${plural(reviews, 'review')}${recomputed ? ` (${recomputed} recomputed)` : ''}.`,
      reset: (card: string) => `${card}: impossible progress and no review to rebuild it from; it is new again.`,
      unknownCard: (card: string, reviews: number) =>
        `${card}: no deck on this device has this card. Its progress${reviews ? ` and ${plural(reviews, 'review')}` : ''} are kept, in case the deck comes back.`,
      unusableLog: (card: string, logId: string) =>
        `${card}: review ${logId} has no usable grade or time. It is kept, but not counted.`,
      /** For `t.error.storageFull`. */
      nothingRepaired: 'nothing was repaired',
      failed: (reason: string) => `The check could not run, and nothing was changed: ${reason}`
    }
  }
};

/** The shape every translation has: the same keys, functions taking the same values. */
export type Text = typeof t;
