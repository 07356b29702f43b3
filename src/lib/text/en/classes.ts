/** Classes: /teach, a class's page, /join and Settings → Classes (docs/teachers.md). */
import type { SyncProblem } from '$lib/domain/sync';
import { plural } from './plural';
import { sync } from './sync';

export const classes = {
  teachHeading: 'Teach',
  teachIntro:
    'Make a class, give your students its code, publish decks to it, and see which cards the class has not learned yet. Students join with a code and a display name of their choosing: no email, no real name.',
  needsSync:
    'A class lives on the Factdeck server, so this device needs sync turned on. Turning it on creates an account for this device; no email or password.',
  turnOnSync: 'Turn on sync',
  noServer: 'This copy of Factdeck is served without the Factdeck server, so classes are not offered here.',
  className: 'Class name',
  createClass: 'Create class',
  yourClasses: 'Your classes',
  noClasses: 'No classes yet.',
  students: (n: number) => plural(n, 'student'),
  offline: (when: string) => `Offline: showing what the server said ${when}.`,
  loading: 'Loading…',
  notFound: 'This class is not one of yours on this device’s account.',

  // A class's page
  joinCodeHeading: 'Join code',
  joinCodeHelp: (origin: string) => `Students open ${origin}/join and type this code, or scan the QR code.`,
  joinCodeShown: (code: string) => `Join code: ${code}`,
  joinClosed: 'Joining is closed: no code works until you make a new one. Students in the class stay.',
  qrLabel: (code: string) => `QR code to join with the code ${code}`,
  renewCode: 'New code',
  closeCode: 'Close joining',
  publishHeading: 'Publish decks',
  publishHelp:
    'Students receive the checked decks on their next sync, studied offline like any deck. Publishing a changed deck again sends the new version; their progress on unchanged cards is kept. Unchecking a deck takes it out of the class; students keep their own history.',
  publish: 'Publish',
  published: (n: number) => (n ? `${plural(n, 'deck')} published.` : 'No deck is published.'),
  publishDone: 'Published.',
  studentsHeading: 'Students',
  noStudents: 'No student has joined yet.',
  cardsHeading: 'Cards, the hardest first',
  cardsHelp:
    'Of the reviews students gave each card, the share they passed (Hard, Good or Easy) in the last 7 and 30 days; lapses are cards forgotten after they were learned; quiz answers right and wrong.',
  dashboardEmpty: 'Nothing to show yet: publish a deck and let students study it.',
  chartPassed: 'Share of reviews passed in the last 30 days, the hardest cards first',
  chartPassedLabel: (deck: string, card: string) => `${deck}: ${card}`,
  chartReviews: 'Reviews in the last 7 days, per student',
  exportCards: 'Export cards as CSV',
  exportStudents: 'Export students as CSV',
  col: {
    deck: 'Deck',
    card: 'Card',
    kind: 'Kind',
    students: 'Students',
    passed7: 'Passed, 7 days',
    passed30: 'Passed, 30 days',
    lapses: 'Lapses',
    quizRight: 'Quiz right',
    quizWrong: 'Quiz wrong',
    student: 'Student',
    cardsStudied: 'Cards studied',
    reviews7: 'Reviews, 7 days',
    retention: 'Retention',
    lastActive: 'Last active',
    bestQuiz: 'Best quiz'
  },
  kind: { fact: 'Fact', claim: 'Claim', opinion: 'Opinion', none: '' } as Record<string, string>,
  share: (passed: number, of: number) => (of ? `${Math.round((passed / of) * 100)}% of ${of}` : '–'),
  never: 'never',
  bestQuiz: (deck: string, best: number) => `${deck}: ${best}%`,

  // /join
  joinHeading: 'Join a class',
  joinIntro: 'Type the code your teacher gave you and the name you want your teacher to see.',
  classCode: 'Class code',
  displayName: 'Display name',
  displayNameHelp:
    'Any name your teacher will recognise: a first name or a nickname. It is shown only to your teacher.',
  joinClass: 'Join class',
  previewHeading: (name: string) => `Join “${name}”?`,
  previewDecks: (titles: string[]) =>
    titles.length ? `Its decks: ${titles.join(', ')}.` : 'No deck is published to it yet.',
  teacherSees: (displayName: string) =>
    `Your teacher will see, under the name “${displayName}”, for the decks of this class only:`,
  teacherSeesList: [
    'which cards you studied, how many reviews you gave in the last 7 days, and when you last studied;',
    'the share of your reviews you passed (your retention), and the cards you forgot after learning them;',
    'your quiz answers, right or wrong, and your best quiz score per deck.'
  ],
  teacherNever:
    'Your teacher never sees your other decks, your devices, your settings, or anything of other students. You can leave the class at any time in Settings; your teacher then no longer sees anything of yours.',
  turnsOnSync:
    'Joining turns sync on for this device (no email or password), so your class decks and progress can travel.',
  confirmJoin: 'Confirm and join',
  cancel: 'Cancel',
  joined: (name: string) => `You joined “${name}”. Its decks are on your home page.`,
  toHome: 'Go to your decks',

  // Settings
  settingsHeading: 'Classes',
  settingsNone: 'You are not in any class.',
  settingsJoin: 'Join a class',
  settingsTeach: 'Teach a class',
  settingsRow: (name: string, displayName: string) => `${name}, as “${displayName}”`,
  leave: 'Leave',
  leaveConfirm: (name: string) =>
    `Leave “${name}”? Your teacher stops seeing your progress at once. Its decks stay on this device with your progress.`,
  left: (name: string) => `You left “${name}”.`,

  problem: (p: SyncProblem): string => {
    if (p.kind === 'server' && p.error === 'invalid-join-code')
      return 'That class code is not valid: check it for typos, or ask your teacher for the current code.';
    if (p.kind === 'server' && p.error === 'display-name-taken')
      return 'Another student of this class already uses that display name: choose another.';
    if (p.kind === 'server' && p.error === 'own-class')
      return 'This is a class you teach: students join it from their own devices.';
    if (p.kind === 'server' && p.error === 'invalid-request')
      return 'Something in the form is not valid: check the name (at most 40 characters, on one line).';
    return sync.problem(p);
  }
};
