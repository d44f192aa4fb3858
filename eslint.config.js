import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'k8s/**', 'coverage/**', 'fixtures/**', '**/__fixtures__/**', 'src/validate/generated/**', 'src/emitters/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['rules/**/*.ts'],
    rules: {
      // DESIGN §3: rules import only src/rule-api.ts from src/.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./src/(?!rule-api\\.js$)', message: 'Rules import only ../src/rule-api.js.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**', 'src/cli.ts', 'src/importers/**', 'src/output/**', '**/*.test.ts'],
    rules: {
      // DESIGN §3: only the CLI, importers and the file writer touch the file system or process.
      'no-restricted-imports': [
        'error',
        { paths: ['node:fs', 'node:fs/promises', 'fs', 'node:child_process', 'node:process'] },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    files: ['src/review/ui/**/*.{ts,tsx}'],
    rules: {
      // DESIGN §3: the Ink components only render; they import the review state, selectors and
      // model types, never the engine, the CLI or the importers.
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'fs', 'node:child_process', 'node:process'],
          patterns: [{ regex: '^\\.\\./\\.\\./(?!model/)', message: 'Review UI components import only src/review and src/model.' }],
        },
      ],
    },
  },
);
