import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** no-restricted-syntax entries for every import form whose source matches the pattern. */
function importSelectors(pattern) {
  const message = 'Import another floor (or climb more than one folder) with an alias such as #domain/…, not a relative path.';
  return ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
    selector: `${node}[source.value=/${pattern}/]`,
    message,
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'data/', 'dist/', 'manifest/build/', 'cards/gallery/', 'devTools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The domain is pure: no framework, no I/O, nothing from the outer layers (DESIGN.md).
    files: ['domain/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'botbuilder*',
                'restify*',
                'keyv',
                '@keyv/*',
                'adaptivecards*',
                'pino*',
                'node:fs*',
                'fs',
                'pg',
                'sqlite3',
                '@redis/*',
              ],
              message: 'domain/ is framework-free and does no I/O but through its ports.',
            },
            {
              group: [
                '**/bot/**',
                '\\#bot/**',
                '**/dialogs/**',
                '\\#dialogs/**',
                '**/presenters/**',
                '\\#presenters/**',
                '**/cards/**',
                '\\#cards/**',
                '../bot/*',
                '../dialogs/*',
                '../presenters/*',
                '../cards/*',
              ],
              message: 'domain/ imports nothing from the outer layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // cards/ are templates, view-model types and render functions: they may import only types from domain/.
    files: ['cards/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '\\#bot/**', '**/dialogs/**', '\\#dialogs/**', '**/presenters/**', '\\#presenters/**', 'botbuilder*'],
              message: 'cards/ depends on domain/ only (types), never on the floors above.',
            },
            {
              group: ['**/domain/**', '\\#domain/**'],
              allowTypeImports: true,
              message: 'cards/ may import only types from domain/: decisions and data come in the view model (presenters/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['presenters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '\\#bot/**', '**/dialogs/**', '\\#dialogs/**', 'botbuilder-dialogs'],
              message: 'presenters/ sit between dialogs and cards: they import cards/ and domain/ only.',
            },
            {
              group: ['**/policy/access-policy.ts', '\\#domain/policy/access-policy.ts'],
              importNames: ['decide'],
              message: "decide() is asked in domain/ only: read the view's `may` (or ownOrganizationPermissions).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/actions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dialogs/**', '\\#dialogs/**'],
              message: 'bot/actions/ never imports dialogs/: shared card building lives in presenters/.',
            },
            {
              group: ['**/policy/access-policy.ts', '\\#domain/policy/access-policy.ts'],
              importNames: ['decide'],
              message: "decide() is asked in domain/ only: read the view's `may` (or ownOrganizationPermissions).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/bot/**', '\\#bot/**'], message: 'dialogs/ never imports bot/.' },
            {
              group: ['**/policy/access-policy.ts', '\\#domain/policy/access-policy.ts'],
              importNames: ['decide'],
              message: "decide() is asked in domain/ only: read the view's `may` (or ownOrganizationPermissions).",
            },
          ],
        },
      ],
    },
  },
  {
    // Who may do what is decided in domain/ only (the floors above read the views' `may`): the rest of bot/.
    files: ['bot/**/*.ts'],
    ignores: ['bot/actions/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/policy/access-policy.ts', '\\#domain/policy/access-policy.ts'],
              importNames: ['decide'],
              message: "decide() is asked in domain/ only: read the view's `may` (or ownOrganizationPermissions).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tools and the app package never depend on tests: what they share with tests lives outside test/ (eval/, the app).
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'manifest/**/*.ts', 'eval/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**', '\\#test/**'], message: 'scripts/, bench/, manifest/ and eval/ never import test/.' }] },
      ],
    },
  },
  {
    // Configuration is read once, in bot/config.ts (validated with zod); scripts, benchmarks and tests set up their own runs.
    files: ['**/*.ts'],
    ignores: ['bot/config.ts', 'scripts/**', 'bench/**', 'test/**', '*.config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in bot/config.ts (loadConfig) and pass it on.' },
      ],
    },
  },
  {
    // Floors import each other by alias (#domain/…, package.json "imports"), never by climbing paths.
    files: ['**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...importSelectors('^\\.\\.\\/\\.\\.\\/')] },
  },
  {
    // A file at the top of a floor that climbs once has left its floor: that import takes the alias too.
    files: ['{bot,dialogs,presenters,cards,domain,eval,test,scripts,bench,manifest,tab}/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...importSelectors('^\\.\\.\\/')] },
  },
);
