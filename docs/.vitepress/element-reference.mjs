// The element reference pages of the site, generated at build time from the custom elements
// manifest that the elements' build writes (packages/elements/custom-elements.json), so the
// reference cannot drift from the code: nothing here is copied by hand.
import { readFileSync } from 'node:fs';
import { publicFields } from '@visitor-access/tools/manifest';

const manifestUrl = new URL('../../packages/elements/custom-elements.json', import.meta.url);

/** Text for Markdown outside code spans: no raw HTML (a tag name would become an element), no Vue mustaches. */
function text(value) {
  return String(value ?? '')
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;'),
    )
    .join('');
}

const cell = (value) =>
  text(value)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const code = (value) => `\`${String(value).replace(/\|/g, '\\|')}\``;

function table(head, rows) {
  if (rows.length === 0) return '_None._\n';
  return (
    [
      `| ${head.join(' | ')} |`,
      `| ${head.map(() => '---').join(' | ')} |`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

/** The custom elements declared in the manifest, `<paywall-gate>` first. */
export function elementsOf(manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'))) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((d) => ({ ...d, modulePath: module.path })))
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) =>
      a.tagName === 'paywall-gate' ? -1 : b.tagName === 'paywall-gate' ? 1 : a.tagName.localeCompare(b.tagName),
    );
}

/** The Markdown page of one element. */
export function elementPage(el) {
  const fields = publicFields(el);
  const events = (el.events ?? []).filter((e) => e.name);
  const lines = [
    `# \`<${el.tagName}>\``,
    '',
    `${text(el.summary)}`,
    '',
    text(el.description),
    '',
    '## Try it',
    '',
    `This is the element itself, talking to the reference mock that runs in this page (a service worker: nothing leaves your browser), in a pane that plays the visitor's browser tab. The mock's mailbox is beside it, with what the creator and other visitors do. The [live example](/try) has all four elements together.`,
    '',
    `<LiveDemo focus="${el.tagName}" />`,
    '',
    '## Import',
    '',
    '```ts',
    `import '@visitor-access/elements/${el.tagName}.js'; // registers <${el.tagName}>`,
    `import { ${el.name} } from '@visitor-access/elements'; // the class, no side effect`,
    '```',
    '',
    `With the script tag (\`dist/visitor-access.js\`), every element is registered already.`,
    '',
    '## Attributes and properties',
    '',
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((f) => [
        code(f.name),
        f.attribute ? code(f.attribute) : '— (property only)',
        f.type?.text ? code(f.type.text) : '',
        f.default !== undefined ? code(f.default) : '',
        cell(f.description),
      ]),
    ),
    '## Events',
    '',
    events.length
      ? 'Every event bubbles and crosses shadow roots (`composed`), so a listener on `document` hears it.\n\n'
      : '',
    table(
      ['event', 'description'],
      events.map((e) => [code(e.name), cell(e.description)]),
    ),
    '## Slots',
    '',
    table(
      ['slot', 'description'],
      (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    '## CSS parts',
    '',
    `Style them from the page with \`${el.tagName}::part(name)\`.`,
    '',
    table(
      ['part', 'description'],
      (el.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    '## CSS custom properties',
    '',
    table(
      ['property', 'description'],
      (el.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    `Generated from \`custom-elements.json\` (${code(el.modulePath)}). Every visible string and its English default: [strings](/elements#string-keys).`,
    '',
  ];
  return lines.join('\n');
}
