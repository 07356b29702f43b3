import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// ---- Folder boundaries (docs/architecture.md, "Who may import whom") ---------------------------
// Each entry is a regular expression over an import's specifier: `$lib/db`, `../db/x`, `../../lib/db`
// and `../src/lib/db/x` all reach src/lib/db. Type-only imports count too: a page that names a
// Dexie row type is one step from reading the table.
const lib = (folder) => `^(\\$lib/${folder}|(\\.\\./)+(lib/)?${folder}|\\./lib/${folder}|.*/src/lib/${folder})(/.*)?$`;
const REACHES = {
  db: lib('db'),
  state: lib('state'),
  components: lib('components'),
  text: lib('text'),
  routes: '^((\\.\\./)+routes|.*/src/routes)(/.*)?$',
  server: '^(\\.\\./)+server(/.*)?$',
  svelte: '^svelte(/.*)?$',
  dexie: '^dexie(/.*)?$',
  $app: '^\\$app(/.*)?$'
};
const WHY = {
  db: 'only state, +page.ts loads and db itself use src/lib/db',
  state: 'state is for pages, not for this folder',
  components: 'components are for pages',
  text: 'domain code returns typed problems; src/lib/text words them',
  routes: 'nothing imports a route',
  server: 'the app never imports the server',
  svelte: 'domain code is plain TypeScript',
  dexie: 'only src/lib/db uses Dexie; ask db for live queries',
  $app: 'domain code does not know it runs in SvelteKit'
};

// From outside src/ (the server), `../db` is the folder's own db: only a path into src/lib reaches the app's.
const fromOutsideSrc = (folder) => `^(\\$lib/${folder}|.*src/lib/${folder})(/.*)?$`;

/**
 * A config object that forbids `files` to import from the folders named in `never`; `reaches`
 * replaces the regular expressions of REACHES where relative paths mean other folders.
 */
function boundary(name, files, never, ignores = [], reaches = REACHES) {
  const patterns = never.map((folder) => ({ regex: reaches[folder], message: `${name}: ${WHY[folder]}.` }));
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  // import() of a forbidden module is a crossing too.
  rules['no-restricted-syntax'] = [
    'error',
    ...never.map((folder) => ({
      // esquery reads a "/" as the end of the expression, even escaped: write it as a class.
      selector: `ImportExpression > Literal[value=/${reaches[folder].replaceAll('/', '[/]')}/]`,
      message: `${name}: ${WHY[folder]}.`
    }))
  ];
  return { name: `boundaries/${name}`, files, ignores, rules };
}

const boundaries = [
  // Everywhere, unless a folder below says more: Dexie stays in src/lib/db.
  boundary('dexie', ['**/*.{js,ts,svelte}'], ['dexie'], ['src/lib/db/**']),
  boundary(
    'src/lib/domain',
    ['src/lib/domain/**'],
    ['db', 'state', 'components', 'routes', 'server', 'svelte', 'dexie', '$app', 'text'],
    ['src/lib/domain/**/*.test.ts', 'src/lib/domain/**/test-helpers.ts']
  ),
  // Its tests may word the problems it returns, to check them as a reader sees them.
  boundary(
    'a domain test',
    ['src/lib/domain/**/*.test.ts', 'src/lib/domain/**/test-helpers.ts'],
    ['db', 'state', 'components', 'routes', 'server', 'svelte', 'dexie', '$app']
  ),
  boundary('src/lib/db', ['src/lib/db/**'], ['state', 'components', 'routes', 'server']),
  boundary('src/lib/state', ['src/lib/state/**'], ['components', 'routes', 'server', 'dexie']),
  boundary('src/lib/components', ['src/lib/components/**'], ['db', 'routes', 'server', 'dexie']),
  boundary('src/lib/text', ['src/lib/text/**'], ['db', 'state', 'components', 'routes', 'server', 'dexie']),
  boundary('src/lib/decks', ['src/lib/decks/**'], ['db', 'state', 'components', 'routes', 'server', 'dexie']),
  // Pages read and write through state; a +page.ts or +layout.ts load may call db.
  boundary('a route component', ['src/routes/**/*.svelte', 'src/routes/**/*.svelte.ts'], ['db', 'server', 'dexie']),
  boundary('src/routes', ['src/routes/**/*.{js,ts}'], ['server', 'dexie'], ['src/routes/**/*.svelte.ts']),
  boundary('scripts', ['scripts/**'], ['db', 'state', 'components', 'routes', 'server', 'dexie']),
  boundary('tools', ['tools/**'], ['db', 'state', 'components', 'routes', 'server', 'dexie']),
  // The one tool that writes database fixtures does it with the app's own repositories.
  boundary('a fixture tool', ['tools/make-db-fixture.ts'], ['state', 'components', 'routes', 'server', 'dexie']),
  boundary('server', ['server/**'], ['db', 'state', 'components', 'routes', 'svelte', 'dexie', '$app'], [], {
    ...REACHES,
    db: fromOutsideSrc('db'),
    state: fromOutsideSrc('state'),
    components: fromOutsideSrc('components'),
    routes: '^(.*src/routes)(/.*)?$'
  })
];

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Underscore-prefixed names are deliberately unused (e.g. fields split off by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The app is always served from the site root: the service worker's scope is "/".
      'svelte/no-navigation-without-resolve': 'off',
      // Local Maps and Sets that are built and read within one function are not state; state that
      // changes is $state / $state.raw with explicit replacement.
      'svelte/prefer-svelte-reactivity': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
    }
  },
  ...boundaries,
  { ignores: ['build/', '.svelte-kit/', 'static/decks/', 'node_modules/', 'bench/tmp/'] }
);
