// An esbuild plugin for the script-tag bundle: minifies the static text of Lit's `css` and `html`
// tagged templates in this package's sources before esbuild compiles them. The expressions are
// left alone (TypeScript's parser finds the literal parts, so nested templates are safe).
//
// - css`…` without expressions: esbuild's own CSS minifier.
// - html`…`: a whitespace run that contains a line break is the source's indentation. It is
//   dropped inside a tag and just inside a block or button (where rendering trims it), and becomes
//   one space anywhere else, which is what HTML renders anyway and keeps words apart in
//   textContent.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import ts from 'typescript';

// Whitespace just inside these (at the start or end of their own box) is never rendered.
const BOXES = new Set(['div', 'p', 'h2', 'section', 'form', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'button']);
const MARK = '\0';

/** Minifies the text of one literal part of an html template. */
export function minifyHtmlText(text) {
  return text.replace(/\s*\n\s*/g, (run, offset) => {
    const before = text.slice(0, offset);
    const after = text.slice(offset + run.length);
    const prev = /<(\/?)([a-z][\w-]*)(?:\s[^<>]*)?>$/i.exec(before);
    const next = /^<(\/?)([a-z][\w-]*)/i.exec(after);
    // Inside a tag, before its `>` (`<button\n  …\n>`): nothing needed.
    if (/^\/?>/.test(after)) return '';
    // Just inside a box: its first or last line box trims it anyway.
    if (prev && !prev[1] && BOXES.has(prev[2].toLowerCase())) return '';
    if (next && next[1] && BOXES.has(next[2].toLowerCase())) return '';
    // Anywhere else (between elements, around text): one space, as HTML renders it, so the
    // text content keeps its word breaks.
    return ' ';
  });
}

/** Minifies the css/html templates of one TypeScript source; returns it unchanged if it has none. */
export async function minifyTemplates(source, fileName) {
  if (!/\b(html|css)`/.test(source)) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const template = node.template;
      if (tag === 'css' && ts.isNoSubstitutionTemplateLiteral(template)) {
        edits.push({ start: template.getStart(file) + 1, end: template.end - 1, css: true, text: '' });
      } else if (tag === 'html') {
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        // The parts are minified together, joined by a marker per expression, so that a part can
        // see the tags around it (e.g. the end of a tag whose attributes hold expressions).
        const ranges = parts.map((part) => ({
          start: part.getStart(file) + 1, // after ` or }
          end: part.end - (ts.isTemplateTail(part) || ts.isNoSubstitutionTemplateLiteral(part) ? 1 : 2), // before ` or ${
        }));
        const texts = minifyHtmlText(ranges.map((r) => source.slice(r.start, r.end)).join(MARK)).split(MARK);
        if (texts.length !== ranges.length) throw new Error(`${fileName}: cannot minify an html template`);
        ranges.forEach((range, i) => edits.push({ ...range, text: texts[i] }));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    let next = edit.text;
    if (edit.css) {
      const text = out.slice(edit.start, edit.end);
      if (text.includes('\\')) continue; // escapes would need cooking first; none today
      next = (await transform(text, { loader: 'css', minify: true, logLevel: 'silent' })).code.trim();
      // Back into a template literal: esbuild may write CSS escapes (`content: " \b7"` for " ·"),
      // whose backslash JavaScript would read as its own escape (\b is a backspace).
      next = next.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
    }
    out = out.slice(0, edit.start) + next + out.slice(edit.end);
  }
  return out;
}

/** The plugin: applies to this package's own `src/**\/*.ts`. */
export function minifyTemplatesPlugin(srcDir) {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(srcDir)) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: await minifyTemplates(source, args.path), loader: 'ts' };
      });
    },
  };
}
