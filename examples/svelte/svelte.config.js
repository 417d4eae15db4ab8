// Svelte's defaults: Svelte 5 compiles TypeScript and runes without preprocessors.
export default {};
