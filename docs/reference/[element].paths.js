// One reference page per element, generated from the custom elements manifest at build time.
import { elementPage, elementsOf } from '../.vitepress/element-reference.mjs';

export default {
  watch: ['../../packages/elements/custom-elements.json'],
  paths() {
    return elementsOf().map((el) => ({
      params: { element: el.tagName, title: `<${el.tagName}>` },
      content: elementPage(el),
    }));
  },
};
