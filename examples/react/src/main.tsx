// Register the elements before React creates them: React 19 then sees their properties and sets
// `strings`, `handle`… as properties rather than attributes.
import '@visitor-access/elements/define.js';
import { setDefaultApiBase } from '@visitor-access/elements';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

// The API under this site's origin (see vite.config.ts); any API origin works the same way.
setDefaultApiBase(location.origin);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
