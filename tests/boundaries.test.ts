/**
 * The folder boundaries of docs/architecture.md, as eslint.config.js keeps them: for a file in each
 * folder, every import the table forbids is reported and every import it allows is not. The files
 * need not exist: ESLint lints the text as if it were at that path.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Type-aware parsing needs files the TypeScript project knows; the boundary rules do not.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false } }
  }
});
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** The import specifiers of `imports` that the boundary rules report in a file at `path`. */
async function reported(path: string, imports: string[]): Promise<string[]> {
  const lines = imports.map((from, i) =>
    from.startsWith('import(') ? `void ${from};` : `import * as m${i} from '${from}';\nvoid m${i};`
  );
  const script = lines.join('\n');
  // Line of each import in the linted text (a .svelte file puts its script after one line).
  const offset = path.endsWith('.svelte') ? 1 : 0;
  const code = path.endsWith('.svelte') ? `<script lang="ts">\n${script}\n</script>\n` : `${script}\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  const parseError = result.messages.find((m) => m.fatal);
  if (parseError) throw new Error(parseError.message);
  const flagged = new Set(result.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '')).map((m) => m.line));
  let line = 1 + offset;
  return imports.filter((from) => {
    const hit = flagged.has(line);
    line += from.startsWith('import(') ? 1 : 2;
    return hit;
  });
}

/** A file at `path` may import `allowed` and none of `forbidden`. */
function boundary(path: string, allowed: string[], forbidden: string[]) {
  test(`${path}: ${forbidden.length} forbidden, ${allowed.length} allowed`, async () => {
    expect(await reported(path, [...allowed, ...forbidden])).toEqual(forbidden);
  }, 60_000); // the first lint loads every plugin
}

describe('folder boundaries', () => {
  boundary(
    'src/lib/domain/example.ts',
    ['./queue', '../domain/stats', 'zod', 'ts-fsrs', 'yaml'],
    [
      '$lib/db',
      '../db/progress.repo',
      '$lib/state',
      '../state/deck-status',
      '$lib/components',
      '../../routes/+page.svelte',
      '../../../server/app',
      'svelte',
      'svelte/store',
      'dexie',
      '$app/environment',
      '$lib/text',
      '../text/en/import',
      "import('$lib/db')"
    ]
  );
  boundary('src/lib/domain/import/example.test.ts', ['$lib/text', './parse-import'], ['$lib/db', 'dexie', 'svelte']);
  boundary('src/lib/domain/sync/example.ts', ['../log-replay', './sync-record'], ['../../db', '../../state/all-decks']);
  boundary(
    'src/lib/db/example.repo.ts',
    ['dexie', '$lib/domain', './factdeck-db', '$lib/text'],
    ['$lib/state', '../components/KindBadge.svelte', '../../routes/cards/+page.svelte']
  );
  boundary(
    'src/lib/state/example.svelte.ts',
    ['$lib/db', '../db/stats.repo', '$lib/domain', '$lib/text', './all-decks', '$lib/decks'],
    ['dexie', '$lib/components', '../components/format-due', '../../routes/+layout.svelte']
  );
  boundary(
    'src/lib/components/Example.svelte',
    ['$lib/domain', '$lib/text', './KindBadge.svelte', 'svelte'],
    ['$lib/db', '../db/factdeck-db', 'dexie', "import('$lib/db')"]
  );
  boundary('src/lib/text/en/example.ts', ['./plural', '$lib/domain'], ['$lib/db', '$lib/state', '$lib/components']);
  boundary(
    'src/routes/example/+page.svelte',
    ['$lib/state', '$lib/components', '$lib/domain', '$lib/text', './Row.svelte', '$app/state'],
    ['$lib/db', '../../lib/db', 'dexie', "import('$lib/db')", "import('$lib/db/backup.repo')"]
  );
  boundary('src/routes/example/+page.ts', ['$lib/db', '$lib/decks', '$lib/domain'], ['dexie']);
  // Rune modules belong in src/lib/state; one left in a route folder still may not read the database.
  boundary('src/routes/example/page-state.svelte.ts', ['$lib/state', '$lib/domain'], ['$lib/db', 'dexie']);
  boundary('src/hooks.client.ts', ['$lib/db'], ['dexie']);
  boundary(
    'scripts/example.ts',
    ['../src/lib/domain/deck-parse', '../src/lib/text', './fast-yaml', 'node:fs'],
    ['../src/lib/db/factdeck-db', '../src/lib/state/all-decks', 'dexie']
  );
  boundary(
    'tools/make-icons.ts',
    ['../tests/e2e/browser', '../src/lib/domain'],
    ['../src/lib/db/progress.repo', '../src/lib/state']
  );
  // Database fixtures are written with the app's own repositories.
  boundary('tools/make-db-fixture.ts', ['../src/lib/db/progress.repo', '../src/lib/domain'], ['../src/lib/state']);
  boundary(
    'server/example.ts',
    ['../src/lib/domain/sync/sync-record', './db', './sql/reviews', '../server/routes'],
    [
      '../src/lib/db/factdeck-db',
      '$lib/db',
      '../src/lib/state',
      '../src/lib/components/KindBadge.svelte',
      '../src/routes/+page.svelte',
      'dexie',
      'svelte'
    ]
  );
  // A server module's `../db` is the server's own database code, not the app's.
  boundary(
    'server/sync/example.ts',
    ['../db/schema', '../../src/lib/domain'],
    ['../../src/lib/db/progress.repo', '../../src/lib/state']
  );
  boundary('bench/example.ts', ['$lib/db', '$lib/state/deck-status'], ['dexie']);
});
