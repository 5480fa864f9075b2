// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core in src/ is shared by the bot, the add-in and the tools, so it must not reach for any platform.
const platformImports = {
  patterns: [
    { group: ['node:*'], message: 'src/ is the pure core: no Node built-ins. Do I/O in bot/ or tools/.' },
    {
      group: ['fs', 'path', 'os', 'child_process', 'http', 'https', 'crypto', 'process', 'url'],
      message: 'src/ is the pure core: no Node built-ins.',
    },
    {
      group: ['react', 'react-dom', '@fluentui/*', '@microsoft/*', 'office-js', '@azure/*'],
      message: 'src/ is the pure core: no platform SDKs or UI libraries.',
    },
  ],
};

// The add-in's two front ends share addin/shared/ and never import each other (test/architecture.test.ts too).
const frontEnd = (name, message) => ({ group: [`**/${name}/**`], message });
const outlookOnly = frontEnd(
  'outlook',
  'Only the Outlook task pane imports addin/outlook/: move what is shared to addin/shared/.',
);
const teamsOnly = frontEnd(
  'teams',
  'Only the Teams pages import addin/teams/: move what is shared to addin/shared/.',
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Leading underscore marks a value left out on purpose (e.g. when destructuring the rest).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests index fixed fixtures (members[0]) where a non-null assertion says exactly what is meant.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', platformImports],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'src/ must not read process.env: configuration is read once in bot/ or tools/.',
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['addin/outlook/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [teamsOnly] }] },
  },
  {
    files: ['addin/teams/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outlookOnly] }] },
  },
  {
    files: ['addin/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outlookOnly, teamsOnly] }] },
  },
);
