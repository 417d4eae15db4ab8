// Register the elements before Svelte mounts: Svelte then sees their properties and sets
// `strings` (an object) as a property rather than an attribute.
import '@visitor-access/elements/define.js';
import { setDefaultApiBase } from '@visitor-access/elements';
import { mount } from 'svelte';
import App from './App.svelte';

// The API under this site's origin (see vite.config.js); any API origin works the same way.
setDefaultApiBase(location.origin);

mount(App, { target: document.getElementById('app') });
