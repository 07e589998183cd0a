import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // lintText on Markdown and HTML needs the markup parsers, which the CLI loads on demand.
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 30_000
  }
})
