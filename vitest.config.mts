import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: parallel files would only fight over the CPU that inference needs.
    fileParallelism: false,
    // graphql must be loaded once (type-graphql otherwise pulls a second realm: "another module or realm").
    server: { deps: { inline: ['type-graphql', 'graphql-scalars', '@apollo/server'] } },
  },
});
