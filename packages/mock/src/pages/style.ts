// The one stylesheet of every page. Colours, radius, spacing and buttons are the elements' tokens; the
// page background, the field border (3:1 against the surface, for WCAG 1.4.11) and the test-mode note
// are the mock's own. `overflow-wrap: anywhere` on the body lets long links and addresses break
// anywhere rather than widen the page on a phone.
export const STYLE = `
:root {
  color-scheme: light dark;
  --fg: #1c1d21; --muted: #5b5f6b; --surface: #ffffff; --page: #f4f5f8; --border: #d5d7de;
  --field: #868b98; --accent: #3b4ee0; --on-accent: #ffffff; --danger: #b42318; --success: #067647;
  --tint: #eef0fd; --warn-bg: #fff4e0; --warn-fg: #7a4100; --warn-border: #f0c987;
  --radius: 10px; --radius-sm: 6px; --space: 1rem;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #eceef3; --muted: #a9aebb; --surface: #17181c; --page: #0e0f12; --border: #3a3d46;
    --field: #737887; --accent: #8f9cff; --on-accent: #0d0f1a; --danger: #ff8a80; --success: #6ee7a8;
    --tint: #1f2238; --warn-bg: #2e2210; --warn-fg: #ffcf87; --warn-border: #6b4d1c;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; background: var(--page); color: var(--fg);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 1rem; line-height: 1.5;
  overflow-wrap: anywhere;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
h2 { font-size: 1.125rem; line-height: 1.3; margin: 0 0 0.5rem; }
p { margin: 0 0 0.75rem; }
code, .mono { font-family: var(--mono); font-size: 0.92em; }
.muted { color: var(--muted); }
.small { font-size: 0.875rem; }
.error { color: var(--danger); }
.ok { color: var(--success); }
.top {
  display: flex; align-items: center; padding: 0.75rem 1rem; background: var(--surface); border-bottom: 1px solid var(--border);
}
.brand { display: inline-flex; align-items: center; gap: 0.5rem; font-weight: 700; color: var(--fg); text-decoration: none; }
.brand::before {
  content: ''; width: 1.25rem; height: 1.25rem; border-radius: var(--radius-sm); flex: none;
  background: linear-gradient(135deg, var(--accent), var(--success));
}
.badge {
  display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.75rem; font-weight: 700;
  letter-spacing: 0.04em; text-transform: uppercase; background: var(--tint); color: var(--fg); white-space: nowrap;
}
.badge.warn { background: var(--warn-bg); color: var(--warn-fg); border: 1px solid var(--warn-border); }
main { width: 100%; max-width: 44rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
main.narrow { max-width: 28rem; }
@media (min-width: 48rem) { main.narrow { padding-top: 4rem; } }
main.checkout { max-width: 60rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1.5rem; }
.card > :last-child { margin-bottom: 0; }
@media (max-width: 30rem) { .card { padding: 1.25rem 1rem; } }
.footnote { margin: 1rem 0.25rem 0; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input {
  width: 100%; font: inherit; padding: 0.6em 0.75em; color: var(--fg); background: var(--surface);
  border: 1px solid var(--field); border-radius: var(--radius-sm); min-height: 2.75rem;
}
.field { margin-bottom: var(--space); }
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5em; min-height: 2.75rem;
  padding: 0.6em 1.1em; border-radius: var(--radius-sm); border: 1px solid var(--field);
  background: var(--surface); color: var(--fg); font: inherit; font-weight: 600; line-height: 1.25;
  text-align: center; text-decoration: none; cursor: pointer; transition: filter 0.15s ease;
}
.button:hover { filter: brightness(0.96); }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
.button.primary:hover { filter: brightness(1.08); }
.button[disabled] { cursor: not-allowed; opacity: 0.6; }
.button.block { display: flex; width: 100%; }
.stack > * + * { margin-top: 0.75rem; }
@media (prefers-reduced-motion: reduce) { .button { transition: none; } }
.identity { display: flex; align-items: center; gap: 0.75rem; margin: 1rem 0 1.25rem; }
.avatar {
  flex: none; display: inline-grid; place-items: center; width: 2.5rem; height: 2.5rem; border-radius: 50%;
  background: var(--tint); color: var(--fg); font-weight: 700; text-transform: uppercase;
}
.identity strong { display: block; }
.status { margin: 0.75rem 0 0; min-height: 1.5em; }
.status:empty { display: none; }
#next { margin: 0.75rem 0 0; }
#again { margin-top: 1rem; }
.note {
  background: var(--warn-bg); color: var(--warn-fg); border: 1px solid var(--warn-border);
  border-radius: var(--radius-sm); padding: 0.75rem 1rem;
}
/* Mailbox */
.heading { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; flex-wrap: wrap; }
.heading h1 { margin: 0; }
.filter { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: flex-end; margin: 1.25rem 0; }
.filter .field { flex: 1 1 14rem; margin: 0; }
.inbox { list-style: none; margin: 0; padding: 0; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); }
.inbox > li + li { border-top: 1px solid var(--border); }
.inbox summary {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.125rem 0.75rem; align-items: baseline;
  padding: 0.875rem 2.75rem 0.875rem 1rem; cursor: pointer; list-style: none; position: relative;
}
.inbox summary::-webkit-details-marker { display: none; }
.inbox summary::after {
  content: ''; position: absolute; right: 1.125rem; top: 1.25rem; width: 0.5rem; height: 0.5rem;
  border: solid var(--muted); border-width: 0 2px 2px 0; transform: rotate(45deg);
}
.inbox details[open] > summary::after { transform: rotate(225deg); top: 1.5rem; }
.inbox details[open] > summary { background: var(--tint); }
.inbox li:first-child summary { border-radius: var(--radius) var(--radius) 0 0; }
.inbox summary:focus-visible { outline-offset: -2px; }
.inbox .to { grid-column: 1 / -1; font-weight: 600; } /* <wbr> before the @: a long address breaks there on a phone */
.inbox .subject { color: var(--muted); }
.inbox .when { color: var(--muted); font-size: 0.875rem; white-space: nowrap; }
.message { padding: 1rem 1rem 1.25rem; border-top: 1px solid var(--border); }
.code-box { display: flex; align-items: center; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 1rem 0; }
.code-box .label { color: var(--muted); font-size: 0.875rem; flex-basis: 100%; }
.code {
  font-family: var(--mono); font-size: 1.75rem; font-weight: 700; letter-spacing: 0.2em;
  font-variant-numeric: tabular-nums; user-select: all; -webkit-user-select: all;
}
.text { margin-top: 1.25rem; padding-top: 1rem; border-top: 1px dashed var(--border); font-size: 0.9375rem; }
.text .label { color: var(--muted); font-size: 0.875rem; margin-bottom: 0.5rem; }
.empty { text-align: center; padding: 2rem 1rem; }
/* Checkout */
.checkout-grid { display: grid; gap: 1.5rem; }
@media (min-width: 48rem) {
  .checkout-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 24rem); gap: 3rem; align-items: start; }
  main.checkout { padding-top: 3rem; }
}
.merchant { display: flex; align-items: center; gap: 0.625rem; font-weight: 600; margin-bottom: 1.25rem; }
.merchant .avatar { width: 2rem; height: 2rem; font-size: 0.875rem; }
.amount { font-size: 2.25rem; font-weight: 700; line-height: 1.2; margin: 0.25rem 0 1.5rem; font-variant-numeric: tabular-nums; }
.lines { margin: 0; border-top: 1px solid var(--border); }
.lines div { display: flex; justify-content: space-between; gap: 1rem; padding: 0.75rem 0; border-bottom: 1px solid var(--border); }
.lines dt { min-width: 0; }
.lines dd { margin: 0; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lines .total { font-weight: 700; border-bottom: none; }
.reference { margin: 0.75rem 0 0; }
/* Index */
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0 2rem; }
.tile { display: block; color: var(--fg); text-decoration: none; padding: 1rem 1.25rem; }
.tile strong { display: block; color: var(--accent); }
.tile:hover { border-color: var(--accent); }
.pages { list-style: none; margin: 0; padding: 0; }
.pages.card { padding: 0; }
.pages li { padding: 0.75rem 1rem; }
.pages li + li { border-top: 1px solid var(--border); }
.pages .row { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; justify-content: space-between; }
`;
