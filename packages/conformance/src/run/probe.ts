// The second stage of a run: is anything answering at the base URL, and what does the development API
// offer (mailbox, clock, payments)? Also notes a reference mock that injects faults.
import { DevApi, routePath, type Capabilities } from '../context.js';
import { AnswerTooLarge, type Answer, type Http } from '../http.js';

/**
 * Nothing answered at the base URL (refused, reset, timed out); the message says which and what to check.
 *
 * @example
 * ```ts
 * const report = await runConformance({ baseUrl }).catch((error) => {
 *   if (error instanceof ServerUnreachableError) return undefined; // "Cannot reach … ECONNREFUSED …"
 *   throw error;
 * });
 * ```
 */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
}

/** What the probe found: the capabilities, and the development API when one answered. */
export interface ProbeResult {
  capabilities: Capabilities;
  dev: DevApi | undefined;
}

/**
 * Sends one request to a documented route that needs nothing (throws {@link ServerUnreachableError} when
 * nothing answers), then probes the development API at `devBase`, adding to `notes` what a reader should know.
 */
export async function probeServer(input: {
  http: Http;
  baseUrl: string;
  devBase: string | undefined;
  run: string;
  notes: string[];
}): Promise<ProbeResult> {
  const { http, baseUrl, devBase, run, notes } = input;
  // Anything at all at the base URL? A documented route that needs nothing and is never a 401.
  try {
    await http.send('GET', routePath('edgeAccess'));
  } catch (error) {
    // Something answered, only too much: the checks report it where it matters.
    if (!(error instanceof AnswerTooLarge)) {
      throw new ServerUnreachableError(
        `Cannot reach ${baseUrl}: ${(error as Error).message.replace(/^GET \S+ failed: /, '')}. Is the server running, and is --base-url right?`,
      );
    }
  }

  const capabilities: Capabilities = {
    mailbox: false,
    clock: false,
    payments: false,
    fixtures: false,
    creatorToken: false,
  };
  let dev: DevApi | undefined;
  if (devBase) {
    const probe = new DevApi(http, devBase);
    const answers = async (fn: () => Promise<Answer>) => {
      try {
        return await fn();
      } catch {
        return undefined;
      }
    };
    const clock = await answers(() => probe.send('GET', '/clock'));
    capabilities.clock = clock?.status === 200 && Number.isFinite(Date.parse(clock.body?.now));
    const mail = await answers(() =>
      probe.send('GET', `/messages?to=${encodeURIComponent(`probe-${run}@example.com`)}`),
    );
    capabilities.mailbox = mail?.status === 200 && Array.isArray(mail.body?.messages);
    const pay = await answers(() =>
      probe.send('POST', `/checkout/cs_test_probe${run}/complete`, { json: { outcome: 'cancelled' } }),
    );
    // An unknown session is a 404 with its own code; a server without this route answers some other 404.
    capabilities.payments = pay?.status === 404 && pay.body?.error === 'checkout_session_not_found';
    if (capabilities.clock || capabilities.mailbox || capabilities.payments) dev = probe;
    else notes.push(`No development API answered at ${devBase}: the checks that need one are skipped.`);
    // The reference mock can fail on purpose (--fail-rate, --latency, rules): checks would then fail at random.
    const faults = dev ? await answers(() => probe.send('GET', '/faults')) : undefined;
    const on = faults?.status === 200 ? faultsOn(faults.body) : undefined;
    if (on) {
      notes.push(
        `The mock injects faults (${on}): checks will fail where it does. Run the kit against a mock started without --fail-rate and --latency, or switch them off with PUT ${devBase}/faults {}.`,
      );
    }
  }
  return { capabilities, dev };
}

/** What a mock's `GET /faults` says is switched on, in words, or undefined when nothing is. */
function faultsOn(body: unknown): string | undefined {
  const f = (body ?? {}) as { failRate?: unknown; latency?: { min?: unknown; max?: unknown } | null; rules?: unknown };
  const parts: string[] = [];
  if (typeof f.failRate === 'number' && f.failRate > 0) parts.push(`--fail-rate ${f.failRate}`);
  if (f.latency && typeof f.latency.max === 'number' && f.latency.max > 0) {
    parts.push(`--latency ${f.latency.min === f.latency.max ? f.latency.max : `${f.latency.min}-${f.latency.max}`}`);
  }
  if (Array.isArray(f.rules) && f.rules.length)
    parts.push(`${f.rules.length} fault rule${f.rules.length > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : undefined;
}
