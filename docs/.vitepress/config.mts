// The documentation site: the Markdown guides of docs/ plus the pages written for the site, built
// by VitePress into site/ (`npm run docs`). The typedoc API reference is written into site/api/
// afterwards (scripts/docs.mjs), so links to /api/ are checked by scripts/check-links.mjs rather
// than by VitePress, which only knows its own pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(docs, '..');
const elementTags = ['paywall-gate', 'visitor-session', 'visitor-access-list', 'group-buy-card'];

/**
 * First `# heading` of a Markdown file, for sidebar labels that stay in step with the files. VitePress
 * renders sidebar text as HTML, so a heading that names `<paywall-gate>` would put a live gate in the
 * sidebar of every page: the text is escaped.
 */
function titleOf(file: string): string {
  const heading = /^#\s+(.+)$/m.exec(readFileSync(file, 'utf8'));
  return (heading?.[1] ?? file).replace(/`/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const decisions: DefaultTheme.SidebarItem[] = readdirSync(join(docs, 'decisions'))
  .filter((f) => /^\d{4}-.+\.md$/.test(f))
  .sort()
  .map((f) => ({ text: titleOf(join(docs, 'decisions', f)), link: `/decisions/${f.replace(/\.md$/, '')}` }));

const guides: DefaultTheme.SidebarItem[] = [
  { text: 'Getting started', link: '/getting-started' },
  { text: 'Try it live', link: '/try' },
  { text: 'Elements guide', link: '/elements' },
  { text: 'SDK guide', link: '/sdk' },
  { text: 'Mock guide', link: '/mock' },
  { text: 'Deployment', link: '/deployment' },
  { text: "The creator's server", link: '/server' },
  { text: 'Security notes', link: '/security' },
  { text: 'Troubleshooting', link: '/troubleshooting' },
  { text: 'Node, TypeScript and CommonJS', link: '/node-and-typescript' },
  { text: 'Supported browsers', link: '/browsers' },
  { text: 'Checking a deployment (conformance kit)', link: '/conformance' },
];

const frameworks: DefaultTheme.SidebarItem[] = [
  { text: 'React 19', link: '/frameworks/react' },
  { text: 'Vue 3', link: '/frameworks/vue' },
  { text: 'Svelte 5', link: '/frameworks/svelte' },
  { text: 'Server-side check (Node)', link: '/frameworks/server' },
];

const reference: DefaultTheme.SidebarItem[] = [
  // Sidebar text is HTML: escape the tag names, or the sidebar would render the elements themselves.
  ...elementTags.map((tag) => ({ text: `&lt;${tag}&gt;`, link: `/reference/${tag}` })),
  { text: 'API reference (typedoc)', link: '/api/index.html', target: '_self' },
  { text: 'OpenAPI document', link: '/openapi.json', target: '_self' },
  { text: 'Screenshots of every state', link: '/screenshots/' },
];

const project: DefaultTheme.SidebarItem[] = [
  // The repository's ARCHITECTURE.md, included by docs/architecture.md.
  { text: 'Architecture', link: '/architecture' },
  { text: 'Decision records', link: '/decisions/' },
];

export default defineConfig({
  title: 'Visitor Access',
  description:
    'Passwordless sign-in, paywalls and group buys for any site: web components, a typed SDK and a reference mock.',
  lang: 'en',
  srcDir: docs,
  outDir: join(root, 'site'),
  cacheDir: join(root, 'node_modules/.cache/vitepress'),
  cleanUrls: false,
  srcExclude: ['README.md'],
  // A folder's README.md (the index of decision records, of the screenshots) becomes its landing page.
  rewrites: Object.fromEntries(
    ['decisions', 'screenshots']
      .filter((dir) => existsSync(join(docs, dir, 'README.md')))
      .map((dir) => [`${dir}/README.md`, `${dir}/index.md`]),
  ),
  // Pages outside VitePress: the typedoc output and the OpenAPI document, both written into the
  // site after the VitePress build and checked by scripts/check-links.mjs.
  ignoreDeadLinks: [/^\/api\//, /^\/openapi\.json$/, /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/],
  lastUpdated: false,
  head: [
    ['meta', { name: 'theme-color', content: '#3451b2' }],
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
  ],
  markdown: {
    config(md) {
      // Links from a guide to a file of the repository outside docs/ (source, examples) have no
      // page on the site: render them as the repository path, so the site never has dead links.
      const outside = (href: string, env: { realPath?: string; path?: string }): string | undefined => {
        if (/^[a-z]+:|^#|^\//i.test(href)) return undefined;
        const from = env.realPath ?? env.path;
        if (!from) return undefined;
        const target = resolve(dirname(from), href.split('#')[0]!);
        const rel = relative(docs, target);
        return rel.startsWith('..') ? relative(root, target) : undefined;
      };
      md.core.ruler.push('repository-links', (state) => {
        for (const block of state.tokens) {
          const open: Array<string | undefined> = [];
          for (const token of block.children ?? []) {
            if (token.type === 'link_open') {
              const repoPath = outside(token.attrGet('href') ?? '', state.env);
              open.push(repoPath);
              if (repoPath === undefined) continue;
              token.type = 'html_inline';
              token.nesting = 0;
              token.content = `<span class="repo-path" title="In the repository: ${md.utils.escapeHtml(repoPath)}">`;
            } else if (token.type === 'link_close' && open.pop() !== undefined) {
              token.type = 'html_inline';
              token.nesting = 0;
              token.content = '</span>';
            }
          }
        }
      });
    },
  },
  vue: {
    template: {
      compilerOptions: {
        // The elements are custom elements, not Vue components (the same line a Vue app needs).
        isCustomElement: (tag) => elementTags.includes(tag),
      },
    },
  },
  vite: {
    // The live examples bundle the mock (MSW) and the elements into their own lazily loaded chunk.
    build: {
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod 4 places /* @__PURE__ */ comments where Rollup cannot use them; Rollup drops them
          // and says so for every build. It is about zod's sources, not ours, and changes nothing.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          // The gate imports the sanitizer lazily so that the script-tag build keeps it in its own
          // chunk (decision 0151); the package's index also exports it, so in this site's bundle it
          // stays where it is. Rollup says so; nothing is wrong.
          if (
            warning.message.includes('dynamic import will not move module into another chunk') &&
            warning.message.includes('/internal/sanitize.js')
          )
            return;
          warn(warning);
        },
      },
    },
    logLevel: 'warn',
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Try it', link: '/try' },
      { text: 'Frameworks', link: '/frameworks/react' },
      { text: 'Reference', link: '/reference/paywall-gate' },
      { text: 'API', link: '/api/index.html', target: '_self' },
    ],
    sidebar: [
      { text: 'Guides', items: guides },
      { text: 'Frameworks', items: frameworks },
      { text: 'Reference', items: reference },
      { text: 'Project', items: project },
      { text: 'Decisions', collapsed: true, items: decisions },
    ],
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    footer: { message: 'MIT licensed.' },
  },
});
