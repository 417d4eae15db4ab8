// The check tables of README.md (between `<!-- <name>:start … -->` and `<!-- <name>:end -->`), made by
// scripts/readme.mjs from the scenarios; the tests compare them with `scenarioTable`.
import { readFileSync } from 'node:fs';

/** What to run when a committed table is stale. */
export const STALE_README =
  'README.md is stale: run `npm run build && node packages/conformance/scripts/readme.mjs && npx prettier --write packages/conformance/README.md`';

/** The rows of the README table `name` (`checks`, `proxy-checks`), cell by cell. */
export function readmeTable(name: string): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`<!-- ${name}:start`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  return cells(readme.slice(readme.indexOf('\n', start) + 1, end).trim());
}

/** A markdown table's rows, compared cell by cell: Prettier pads the committed table's columns. */
export function cells(markdown: string): string[] {
  return markdown.split('\n').map((line) =>
    line
      .split('|')
      .map((cell) => cell.trim().replace(/\s+/g, ' ').replace(/^-+$/, '---'))
      .join('|'),
  );
}
