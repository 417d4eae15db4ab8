// Access changes (a purchase, a refund noticed, a sign-out) are broadcast to every tab of the
// site, so every gate re-checks. Session changes travel through the SDK's own channel.

/** What one tab tells the others. */
export interface AccessMessage {
  type: 'access-changed';
  handle: string;
  page?: string | undefined;
}

const CHANNEL = 'visitor-access:access';
const local = new EventTarget();
let channel: BroadcastChannel | undefined;

let unavailable = false;

function getChannel(): BroadcastChannel | undefined {
  if (!channel && !unavailable && typeof BroadcastChannel === 'function') {
    try {
      channel = new BroadcastChannel(CHANNEL);
    } catch {
      // Firefox with cookies (site data) turned off throws a SecurityError here: this tab's elements
      // still hear each other; other tabs learn on their next check.
      unavailable = true;
      return undefined;
    }
    channel.onmessage = (event: MessageEvent<AccessMessage>) => {
      if (event.data?.type === 'access-changed')
        local.dispatchEvent(new CustomEvent('message', { detail: event.data }));
    };
  }
  return channel;
}

/** Tells this tab's other elements and every other tab that access to a handle changed. */
export function broadcastAccessChange(message: Omit<AccessMessage, 'type'>, source?: object): void {
  const full: AccessMessage = { type: 'access-changed', ...message };
  getChannel()?.postMessage(full);
  local.dispatchEvent(new CustomEvent('message', { detail: { ...full, source } }));
}

/** Subscribes to access changes from this tab (other elements) and other tabs. */
export function onAccessChange(listener: (message: AccessMessage & { source?: object }) => void): () => void {
  getChannel();
  const handler = (event: Event) => listener((event as CustomEvent<AccessMessage & { source?: object }>).detail);
  local.addEventListener('message', handler);
  return () => local.removeEventListener('message', handler);
}
