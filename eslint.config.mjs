import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'sdk/dist/**', 'dashboard/.next/**', 'models/*/[0-9]*/**', 'data/**', 'prisma/generated/**', 'dashboard/lib/graphql/generated/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read GraphQL answers as untyped JSON; typing every query's shape would only restate the query.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
