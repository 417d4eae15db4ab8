// Reading custom-elements.json the one way: shared by the element reference of docs/elements.md
// (packages/elements/docs.mjs), the docs site's element pages and the check of the React types.

/**
 * The properties a user sets on an element: instance fields that are public and writable. Fields
 * declared in `static properties` are marked `privacy: "public"` by the analyzer, fields without a
 * modifier carry no privacy, and TypeScript's private and protected ones keep theirs.
 */
export function publicFields(declaration) {
  return (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.readonly,
  );
}
