// Typed linting for TypeScript (typescript-eslint with the project service) and eslint-plugin-astro
// for .astro files. Layout is Prettier's business (.prettierrc.json); these rules look for bugs.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.astro-cache/',
      '.gongkai-build/',
      '.gongkai-cache/',
      'private-posters/',
      'test-results/',
      'bench/.work/',
      'bench/reference-astro/',
      'bench/results/',
      'content/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused bindings are dead code, except a leading underscore for deliberate ones.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import type` keeps type-only imports out of the bundles the browser loads.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Template literals with numbers are how this code writes "3 个村"; objects in them are the bug.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `void promise` marks a deliberately unawaited call.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // Chinese text is set with the ideographic space (U+3000) on purpose; flag it only in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true }],
      // `async` functions without `await` here implement Promise-returning interfaces (integration hooks,
      // Pagefind's API, test doubles); dropping `async` would only trade it for `Promise.resolve`.
      '@typescript-eslint/require-await': 'off',
      // String(value) is how this code shows a clerk's YAML or spreadsheet value back in a message, whatever
      // it is; every hit of this rule was that deliberate case.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Imports of .astro components: only `astro check` knows their types (Astro ships no `*.astro` module
    // declaration), so the typed rules see them as unresolved.
    files: ['src/components/mdx/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Tests read JSON they wrote or fixtures whose shape the assertions then check.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  ...astro.configs.recommended,
  {
    // Astro components: the astro parser, without type information (the typed rules cannot see
    // Astro's template types; `astro check` type-checks these files).
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Plain JavaScript configuration files are not in the TypeScript project.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
