// The two output formats. Both end with the same two lines: the skipped checks with their reasons (when
// any were skipped), then exactly `N passed, M failed`, which scripts can read.
import type { Capabilities, Scenario } from './context.js';
import type { CheckResult, ConformanceReport } from './run.js';

/** `table` for people, `tap` (TAP 14) for test harnesses. */
export type OutputFormat = 'table' | 'tap';

/** What the header needs to know about the run. */
export interface RunHeader {
  baseUrl: string;
  devApi: string | undefined;
  capabilities: Capabilities;
  notes: string[];
  total: number;
}

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
    const label = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'SKIP';
    const line = `  ${label}  ${r.id.padEnd(this.idWidth)} ${`${r.durationMs} ms`.padStart(8)}`;
    if (r.status === 'pass') return [line];
    return [line, `        ${r.status === 'fail' ? '✗' : '–'} ${oneLine(r.message ?? '')}`];
  }

  footer(results: readonly CheckResult[]): string[] {
    const skipped = results.filter((r) => r.status === 'skip');
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
