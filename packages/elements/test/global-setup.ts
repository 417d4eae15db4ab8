// Starts the reference mock on localhost (same site as the Vitest page, so the HttpOnly
// SameSite=Lax session cookie flows) and hands its URL to the browser tests as `apiBase`.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startServer } = await import('@visitor-access/mock/server');
  const server = await startServer({ port: 0, host: 'localhost' });
  project.provide('apiBase', server.url.replace(/\/+$/, ''));
  return async () => {
    await server.close();
  };
}
