// The two output formats. Both end with the same two lines: the skipped checks with their reasons (when
// any were skipped), then exactly `N passed, M failed`, which scripts can read.
import type { Capabilities, Profile, Scenario } from './context.js';
import { formatBytes, formatMs } from './http.js';
import type { CheckResult, ConformanceReport } from './run.js';
import type { RunLimits } from './run/options.js';

/** `table` for people, `tap` (TAP 14) for test harnesses. */
export type OutputFormat = 'table' | 'tap';

/** What the header needs to know about the run. */
export interface RunHeader {
  baseUrl: string;
  devApi: string | undefined;
  capabilities: Capabilities;
  notes: string[];
  total: number;
  /** The bounds of the run (timeout per answer, cap per answer, deadline of the run). */
  limits?: RunLimits;
  /** The profile, when not the default `api`. */
  profile?: Profile;
}

/** `10 s per answer, 1 MiB per answer, 5 min for the run`. */
function describeLimits(limits: RunLimits): string {
  return `${formatMs(limits.timeoutMs)} and ${formatBytes(limits.maxBodyBytes)} per answer (--timeout, --max-body), ${formatMs(limits.deadlineMs)} for the run (--deadline)`;
}

/** Whether a skipped check is one the deadline kept from running (its reason says so). */
const notRunForDeadline = (r: CheckResult) =>
  r.status === 'skip' && /^not run: the run's deadline/.test(r.message ?? '');

/** Whether a skipped check is one whose premise the profile does not share (its reason says so). */
const notApplicable = (r: CheckResult) =>
  r.status === 'skip' && /^not applicable to the \S+ profile: /.test(r.message ?? '');

const CAPABILITY_NAMES: Record<keyof Capabilities, string> = {
  mailbox: 'mailbox',
  clock: 'clock',
  payments: 'payments',
  fixtures: 'fresh data',
  creatorToken: 'creator token',
};

function offered(capabilities: Capabilities): string {
  const names = (Object.keys(CAPABILITY_NAMES) as (keyof Capabilities)[])
    .filter((k) => capabilities[k])
    .map((k) => CAPABILITY_NAMES[k]);
  return names.length ? names.join(', ') : 'nothing beyond the public API';
}

/**
 * Streams a report line by line (the CLI prints each line as its check finishes).
 *
 * @example
 * ```ts
 * const writer = new ReportWriter('tap');
 * await runConformance({ baseUrl, onStart: (run) => print(writer.header(run)), onResult: (r) => print(writer.result(r)) });
 * ```
 */
export class ReportWriter {
  private index = 0;
  constructor(
    private readonly format: OutputFormat,
    private readonly idWidth = 34,
  ) {}

  header(run: RunHeader): string[] {
    const lines =
      this.format === 'tap'
        ? ['TAP version 14', `# Visitor Access conformance: ${run.baseUrl}`, `1..${run.total}`]
        : [`Visitor Access conformance: ${run.baseUrl}`];
    const prefix = this.format === 'tap' ? '# ' : '';
    lines.splice(
      this.format === 'tap' ? 2 : 1,
      0,
      `${prefix}development API: ${run.devApi ?? 'none'} (offers ${offered(run.capabilities)})`,
      ...run.notes.map((n) => `${prefix}note: ${n}`),
    );
    if (run.profile && run.profile !== 'api') {
      lines.splice(
        this.format === 'tap' ? 2 : 1,
        0,
        `${prefix}profile: ${run.profile} (the checks whose premise it does not share are listed as not applicable)`,
      );
    }
    // After the notes (and after TAP's plan line, where a comment is allowed).
    if (run.limits) lines.push(`${prefix}limits: ${describeLimits(run.limits)}`);
    if (this.format === 'table') lines.push('');
    return lines;
  }

  result(r: CheckResult): string[] {
    this.index++;
    if (this.format === 'tap') {
      if (r.status === 'skip') return [`ok ${this.index} - ${r.id} # SKIP ${oneLine(r.message ?? '')}`];
      if (r.status === 'pass') return [`ok ${this.index} - ${r.id}`];
      return [
        `not ok ${this.index} - ${r.id}`,
        '  ---',
        `  message: ${JSON.stringify(r.message ?? '')}`,
        `  title: ${JSON.stringify(r.title)}`,
        `  duration_ms: ${r.durationMs}`,
        '  ...',
      ];
    }
    const label = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : notApplicable(r) ? 'N/A ' : 'SKIP';
    const line = `  ${label}  ${r.id.padEnd(this.idWidth)} ${`${r.durationMs} ms`.padStart(8)}`;
    if (r.status === 'pass') return [line];
    return [line, `        ${r.status === 'fail' ? '✗' : '–'} ${oneLine(r.message ?? '')}`];
  }

  footer(results: readonly CheckResult[]): string[] {
    const late = results.filter(notRunForDeadline);
    const inapplicable = results.filter(notApplicable);
    const skipped = results.filter((r) => r.status === 'skip' && !notRunForDeadline(r) && !notApplicable(r));
    const passed = results.filter((r) => r.status === 'pass').length;
    const failed = results.filter((r) => r.status === 'fail').length;
    const lines: string[] = this.format === 'table' ? [''] : [];
    if (skipped.length) {
      // Grouped by reason: most skips share one (no mailbox, no clock), which then reads once.
      const byReason = new Map<string, string[]>();
      for (const r of skipped) {
        const reason = oneLine(r.message ?? '');
        byReason.set(reason, [...(byReason.get(reason) ?? []), r.id]);
      }
      const groups = [...byReason].map(([reason, ids]) => `${ids.join(', ')} (${reason})`);
      lines.push(`${this.format === 'tap' ? '# ' : ''}${skipped.length} skipped: ${groups.join('; ')}`);
    }
    if (inapplicable.length) {
      // Grouped by premise, like the skips; the profile is named once.
      const profile = /^not applicable to the (\S+) profile: /.exec(inapplicable[0]!.message ?? '')?.[1] ?? '';
      const byReason = new Map<string, string[]>();
      for (const r of inapplicable) {
        const reason = oneLine(r.message ?? '').replace(/^not applicable to the \S+ profile: /, '');
        byReason.set(reason, [...(byReason.get(reason) ?? []), r.id]);
      }
      const groups = [...byReason].map(([reason, ids]) => `${ids.join(', ')} (${reason})`);
      lines.push(
        `${this.format === 'tap' ? '# ' : ''}${inapplicable.length} not applicable to the ${profile} profile: ${groups.join('; ')}`,
      );
    }
    if (late.length) {
      const reason = oneLine(late[0]!.message ?? '').replace(/^not run: /, '');
      lines.push(
        `${this.format === 'tap' ? '# ' : ''}${late.length} not run because ${reason}: ${late.map((r) => r.id).join(', ')}`,
      );
    }
    lines.push(`${passed} passed, ${failed} failed`);
    return lines;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A finished report as text, in either format.
 *
 * @example
 * ```ts
 * import { formatReport, runConformance } from '@visitor-access/conformance';
 * console.log(formatReport(await runConformance({ baseUrl: 'http://localhost:4010' }), 'tap'));
 * ```
 */
export function formatReport(report: ConformanceReport, format: OutputFormat = 'table'): string {
  const writer = new ReportWriter(format, idWidth(report.results));
  return [
    ...writer.header({ ...report, total: report.results.length }),
    ...report.results.flatMap((r) => writer.result(r)),
    ...writer.footer(report.results),
  ].join('\n');
}

/** The width of the longest check id, for aligning the table. */
export function idWidth(list: readonly { id: string }[]): number {
  return Math.max(10, ...list.map((s) => s.id.length));
}

/**
 * The scenarios as a Markdown table (the kit's README embeds it).
 *
 * @example
 * ```ts
 * import { scenarios, scenarioTable } from '@visitor-access/conformance';
 * console.log(scenarioTable(scenarios));
 * ```
 */
export function scenarioTable(list: readonly Scenario[]): string {
  const source = {
    spec: 'platform docs',
    'product-spec': 'product spec',
    'decisions-2026-12-01': 'decisions 2026-12-01',
  };
  const rows = list.map(
    (s) =>
      `| \`${s.id}\` | ${s.title.replace(/\|/g, '\\|')} | ${source[s.source]} | ${s.needs?.length ? s.needs.join(', ') : '—'} |`,
  );
  return ['| Check | What it checks | Documented in | Needs |', '|---|---|---|---|', ...rows].join('\n');
}
