// The site's HTML. Server strings (page titles, request IDs) are escaped: they are text.
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const layout = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { max-width: 720px; margin: 2rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5; }
  header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
</style>
${head}
</head>
<body>
${body}
</body>
</html>`;

// The script tag; the API base is this site itself, under /api (the server forwards it to the API).
const elementsScript = (siteUrl: string) =>
  `<script src="/visitor-access.js" data-api-base="${escape(siteUrl)}/api" defer></script>`;

export const homePage = () =>
  layout('Gharart', `<h1>Gharart</h1><p><a href="/masterclass">Block printing masterclass</a></p>`);

/** Where the gate fetches the lesson once the visitor has access (`src`); the server checks again. */
export const LESSON_PATH = '/masterclass/lesson';

/** The lesson itself: rendered into the lesson page, or sent alone to the gate's `src`. */
export const lessonFragment = () => `<h2>Lesson 1 — Carving your first block</h2>
<p>Transfer the drawing onto the block, cut away from the line, and keep the gouge low.</p>`;

/**
 * For visitors without access: the gate (sign-in, checkout) and not a word of the lesson. `markup` is
 * the paywalled-content JSON-LD; it names the gate by its class.
 */
export function gatePage({ siteUrl, reason, markup }: { siteUrl: string; reason: string; markup: string }): string {
  return layout(
    'Block printing masterclass',
    `<header><h1>Block printing masterclass</h1><visitor-session></visitor-session></header>
<paywall-gate class="paywall-gate" handle="gharart" page="masterclass" src="${LESSON_PATH}" data-reason="${escape(reason)}">
  <p slot="preview">Eight lessons, from the first cut to a full edition.</p>
</paywall-gate>`,
    `${markup}\n${elementsScript(siteUrl)}`,
  );
}

/** For visitors with access: the lesson itself, rendered on the server (the paid part: `.paywall-gate`). */
export const lessonPage = ({ title, siteUrl, markup }: { title: string; siteUrl: string; markup: string }) =>
  layout(
    title,
    `<header><h1>${escape(title)}</h1><visitor-session></visitor-session></header>
<article class="paywall-gate" data-testid="lesson">
${lessonFragment()}
</article>`,
    `${markup}\n${elementsScript(siteUrl)}`,
  );

export const unavailablePage = (requestId: string | undefined) =>
  layout(
    'Try again in a moment',
    `<h1>We could not check your access</h1><p>Please try again in a moment.${
      requestId ? ` Support code: <code>${escape(requestId)}</code>` : ''
    }</p>`,
  );
