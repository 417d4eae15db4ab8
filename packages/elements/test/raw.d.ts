// Vite's `?raw` imports (the browser tests read docs/elements.md to test its examples).
declare module '*?raw' {
  const text: string;
  export default text;
}
