import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
// @ts-expect-error -- plain ESM helper shared with scripts
import { CHROMIUM_ARGS, findChromium } from '@visitor-access/tools/find-chromium';

// The browser tests need a Chromium. It is looked up only when the browser project launches (so
// `--project node` works without one), and a missing one fails the run with one line saying how to
// get one. There is deliberately no opt-out: a skipped browser suite would look like a green one.
function chromiumOrFail(): string {
  try {
    return findChromium() as string;
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}

// The built script-tag files (packages/elements/dist/*.js, dist/locales/*.js) are served as they
// are, as a CDN would: Vite's dev transform would otherwise rewrite the bundle's dynamic import of a
// language file and prepend an `import` statement, which a classic <script> cannot run.
function serveDistAsIs(): Plugin {
  return {
    name: 'serve-elements-dist-as-is',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        if (!/^\/packages\/elements\/dist\/(locales\/)?[\w.-]+\.js$/.test(path)) return next();
        readFile(join(process.cwd(), path))
          .then((body) => {
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            res.end(body);
          })
          .catch(() => next());
      });
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{contract,sdk,server,mock,conformance}/src/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ['e2e/engines/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The journeys in Chromium, Firefox and WebKitGTK (e2e/engines, decision 0080): real browsers
        // driven from Node, one file per engine, so the engines run side by side.
        test: {
          name: 'engines',
          environment: 'node',
          include: ['e2e/engines/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [serveDistAsIs()],
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
              launchOptions: {
                get executablePath() {
                  return chromiumOrFail();
                },
                args: CHROMIUM_ARGS as string[],
              },
            }),
            instances: [{ browser: 'chromium' as const }],
          },
        },
      },
    ],
  },
});
