// Checks every internal link of the built documentation site (site/): each <a href> that stays on
// the site must reach a file, and each #fragment an element with that id (or name) in it. External
// links are not fetched (no network in CI); they are listed by count only.
//   node scripts/check-links.mjs [site]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'site');
if (!existsSync(root)) {
  console.error(`check-links: ${root} does not exist; build the site first (npm run docs).`);
  process.exit(1);
}

const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.html')) files.push(path);
  }
})(root);

const decode = (text) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const ids = new Map();
/** The ids and names of a page's elements (what a #fragment can point at). */
function anchorsOf(file) {
  let set = ids.get(file);
  if (!set) {
    set = new Set();
    for (const m of readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]*)"/g)) set.add(decode(m[1]));
    ids.set(file, set);
  }
  return set;
}

/** The file a site path reaches, as a static server would serve it. */
function fileFor(path) {
  const full = join(root, ...decodeURIComponent(path).split('/'));
  if (!full.startsWith(root)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(join(full, 'index.html'))) return join(full, 'index.html');
  if (existsSync(`${full}.html`)) return `${full}.html`;
  return undefined;
}

const broken = [];
let checked = 0;
let external = 0;
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const sitePath = `/${relative(root, file).split(sep).join('/')}`;
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const href = decode(m[1]);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
      external++;
      continue;
    }
    checked++;
    const [beforeHash, fragment] = href.split('#', 2);
    const pathPart = beforeHash.split('?')[0];
    const target = pathPart === '' ? file : fileFor(posix.resolve(posix.dirname(sitePath), pathPart));
    if (!target) {
      broken.push(`${sitePath}: ${href} (no such file)`);
      continue;
    }
    if (fragment && target.endsWith('.html') && !anchorsOf(target).has(decodeURIComponent(fragment))) {
      broken.push(`${sitePath}: ${href} (no #${fragment} in ${relative(root, target)})`);
    }
  }
}

if (broken.length) {
  console.error(`check-links: ${broken.length} broken link(s) in ${root}:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-links: ${checked} internal links in ${files.length} pages are fine (${external} external links not fetched)`,
);
