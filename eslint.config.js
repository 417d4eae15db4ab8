import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'site/**',
      '**/node_modules/**',
      '**/mockServiceWorker.js',
      '**/custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-checked rules, on TypeScript only (the TypeScript project service finds each file's
    // tsconfig; tests are in tsconfig.tests.json through the root tsconfig.json's references). The
    // few files no tsconfig includes get the service's default project.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['docs/.vitepress/*.mts', 'docs/.vitepress/theme/*.ts', 'examples/react/vite.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error: await it, return it, or mark it `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  // Lit templates: bindings in valid positions, no duplicate bindings, valid HTML, no legacy syntax.
  { ...lit.configs['flat/recommended'], files: ['packages/elements/**/*.ts'] },
  {
    files: ['**/*.test.ts', 'e2e/**', '**/test/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
