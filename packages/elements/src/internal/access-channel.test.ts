import { describe, expect, it, vi } from 'vitest';

describe('the access channel where BroadcastChannel is refused', () => {
  it('Firefox with cookies turned off (the constructor throws SecurityError): this tab’s elements still hear each other', async () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        }
      },
    );
    // Imported after the stub: nothing in this file's page has opened the channel yet.
    const { broadcastAccessChange, onAccessChange } = await import('./access-channel.js');
    const heard: string[] = [];
    const off = onAccessChange((message) => heard.push(message.handle));
    expect(() => broadcastAccessChange({ handle: 'gharart' })).not.toThrow();
    expect(heard).toEqual(['gharart']);
    off();
    vi.unstubAllGlobals();
  });
});
