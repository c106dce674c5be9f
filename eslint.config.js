// Flat config: recommended JavaScript rules, and typescript-eslint's type-checked rules on the
// TypeScript, with type information from the project that holds each file (the action and its
// tests; the emulator with the harness, benchmark and demo).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: ['./tsconfig.json', './emulator/tsconfig.json'], tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // A promise nobody awaits loses its error and its ordering: the action's writes depend on both.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  // The config files are JavaScript outside both projects: no type information to use.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked }
)
