// @ts-check
// One lint configuration for the whole tree (ESLint 9 flat config). Formatting is Prettier's job
// (.prettierrc.json): eslint-config-prettier, last, turns off every rule that would disagree with it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const TESTS = ['**/*.test.ts', 'test/**/*.ts'];

/** What a module may not import (docs/modules.md): the server only through the kit's door. */
const AUTHORIZED_FROM_KIT = {
  name: 'type-graphql',
  importNames: ['Authorized'],
  message: "Dans un module, `Authorized` vient du kit (server/kit/index.js) : il n'accepte que les permissions déclarées.",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.prof/', '.stryker-tmp/', 'reports/', 'bench/results/', 'clients/generated/'] },
  js.configs.recommended,
  // Type-aware: about 20 s on the whole tree with two cores, and it is what catches floating promises,
  // promises passed where a callback is awaited, and `any` leaking out of libraries.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.stryker.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `rows[0]!` is written on purpose (it stays right if noUncheckedIndexedAccess is turned on); the
      // rule would strip two hundred of them.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Migrations, Apollo plugin hooks and test doubles are async by their interface, not by their body.
      '@typescript-eslint/require-await': 'off',
      // Passing on a reason received from elsewhere (a caught error, an AbortSignal's reason) is not
      // making up a non-Error one.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // type-graphql's and MikroORM's metadata are keyed by class constructors typed as `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: TESTS,
    rules: {
      // Tests read GraphQL answers as untyped JSON and reach into internals on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(spy.method)` and destructured fixtures are not calls.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // A module reaches the server only through server/kit/index.js (the architecture test holds it too).
    files: ['modules/**/*.ts'],
    ignores: ['modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [AUTHORIZED_FROM_KIT],
          patterns: [
            {
              regex: '(^|/)server/(?!kit/index\\.js$)',
              message: "Un module n'importe du serveur que server/kit/index.js (la porte du kit) ; ce qui lui manque s'ajoute au kit.",
            },
          ],
        },
      ],
    },
  },
  {
    // A module's tests may reach into the server, but still use the kit's `Authorized`.
    files: ['modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [AUTHORIZED_FROM_KIT] }] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
