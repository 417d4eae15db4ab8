// TypeDoc plugin for the API reference. The elements inherit `static styles` from Lit, and with it
// Lit's doc comment, which links to Lit's `css` tag — a symbol outside our documentation. Point
// that one link at Lit's own reference instead of leaving it unresolved (a warning per element).
/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.addUnknownSymbolResolver((ref, reflection) => {
    const path = ref.symbolReference?.path?.map((part) => part.path).join('.');
    if (path === 'css' && reflection?.name === 'styles') return 'https://lit.dev/docs/api/styles/#css';
    return undefined;
  });
}
