// ESLint 9 flat config: typescript-eslint's type-aware recommended set over apps, libs and tests,
// plus a few rules that catch real bugs here (see README, "Lint and format"). Formatting is Prettier's
// job; eslint-config-prettier, last, turns off every rule that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'bench/', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked against its nearest tsconfig.json: the root one, or apps/web's.
      parserOptions: {
        // infra/scripts/*.ts run with @swc-node/register and sit in no tsconfig: the root one checks them.
        projectService: { allowDefaultProject: ['infra/scripts/*.ts'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A union switch that forgets a case (a third rating scheme, a new event) is a bug, not a default.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, allowDefaultCaseForExhaustiveSwitch: true },
      ],
      // React and react-aria ignore what an event handler returns, and `onPress={async () => …}` is the
      // idiom; elsewhere (timers, emitters, Array callbacks) a promise nobody awaits is still an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `async` without `await` is how a Promise contract (EventStore, health checks, jest hooks) is met
      // so that a synchronous throw still becomes a rejection; the rule would push to Promise.resolve().
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a deliberately unused parameter; `{ dropped, ...rest }` copies without a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `let x; … closure reads x …; x = …` is how a server callback refers to the object built after it.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Japanese text uses the ideographic space (U+3000) in messages and report headings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // Tests (tests/ and *.spec.ts) handle supertest's `any` bodies and jest's `any` asymmetric matchers
    // and assert on them with expect: typing each adds casts, not safety. The no-unsafe-* rules stay on
    // for the code that ships (apps and libs), where an `any` leaks.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules; the plugin's React Compiler rules target code built with the
    // compiler, which this app does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Plain CommonJS scripts (infra/scripts) sit outside every tsconfig: syntax rules only.
    files: ['**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
