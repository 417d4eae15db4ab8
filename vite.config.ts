import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
// @ts-expect-error -- plain ESM helper shared with scripts
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

const browserProject = process.env.VA_SKIP_BROWSER !== '1';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{contract,sdk,mock}/src/**/*.test.ts', 'e2e/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      ...(browserProject
        ? [
            {
              test: {
                name: 'browser',
                include: ['packages/elements/src/**/*.test.ts'],
                globalSetup: ['packages/elements/test/global-setup.ts'],
                testTimeout: 20_000,
                browser: {
                  enabled: true,
                  headless: true,
                  screenshotFailures: false,
                  provider: playwright({
                    launchOptions: { executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[] },
                  }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
    ],
  },
});
