/**
 * Roster generation benchmark: a full year (12 months, each continuing from
 * the ones before) for 300 people: 20 commanders, 60 shift leaders and 220
 * officers. Run with `npx tsx bench/rotation.bench.ts [runs]`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { classifyRange, createCalendarContext, type CalendarContext } from '../src/domain/calendar/index.js';
import {
  generateRoster,
  toPriorAssignments,
  type GeneratedRoster,
  type PriorAssignment,
  type RosterPerson,
  type Unavailability,
} from '../src/domain/roster/index.js';
import { monthBounds } from '../src/domain/time.js';

export interface RotationBenchmarkResult {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  heapDeltaMb: number;
  rssMb: number;
  gaps: number;
  warnings: number;
  assignments: number;
  /** December's fairness spread (max - min) per role: total / weekend / holiday. */
  spreads: string[];
}

const YEAR = 2026;

function people(prefix: string, count: number): RosterPerson[] {
  return Array.from({ length: count }, (_, i) => ({ personId: `${prefix}${i + 1}`, name: `${prefix}${i + 1}` }));
}

const queues = { commander: people('C', 20), shiftLeader: people('L', 60), officer: people('O', 220) };

// One week of leave for every tenth person, spread over the year, so the
// generator also has to skip people.
const unavailability: Unavailability[] = [...queues.commander, ...queues.shiftLeader, ...queues.officer]
  .filter((_, i) => i % 10 === 0)
  .map((person, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    return { personId: person.personId, from: `${YEAR}-${month}-08`, to: `${YEAR}-${month}-14` };
  });

function generateYear(context: CalendarContext): GeneratedRoster[] {
  const history: PriorAssignment[] = [];
  const rosters: GeneratedRoster[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const month = `${YEAR}-${String(m).padStart(2, '0')}`;
    const { first, last } = monthBounds(month);
    const roster = generateRoster({
      month,
      days: classifyRange(first, last, context),
      queues,
      history,
      unavailability,
    });
    rosters.push(roster);
    history.push(...toPriorAssignments(roster));
  }
  return rosters;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function runRotationBenchmark(runs = 15): RotationBenchmarkResult {
  const context = createCalendarContext({
    sensitivePeriods: [{ name: '全国两会', startDate: `${YEAR}-03-03`, endDate: `${YEAR}-03-12` }],
  });
  generateYear(context); // warm-up, so the JIT has compiled the hot paths

  const times: number[] = [];
  let heapDelta = 0;
  let last: GeneratedRoster[] = [];
  for (let i = 0; i < runs; i += 1) {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    last = generateYear(context);
    times.push(performance.now() - start);
    heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
  }

  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted.at(-1) ?? Number.NaN,
    heapDeltaMb: heapDelta / 1024 / 1024,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
    gaps: last.reduce((sum, roster) => sum + roster.gapReport.length, 0),
    warnings: last.reduce((sum, roster) => sum + roster.warnings.length, 0),
    assignments: last.reduce((sum, roster) => sum + toPriorAssignments(roster).length, 0),
    spreads: (last.at(-1)?.fairnessReport.roles ?? []).map(
      (entry) => `${entry.role} ${entry.spread.total}/${entry.spread.weekend}/${entry.spread.holiday}`,
    ),
  };
}

function printResult(result: RotationBenchmarkResult): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log('Roster generation: 12 months of 2026, 20 commanders, 60 shift leaders, 220 officers');
  console.log(`runs ${result.runs}: median ${ms(result.medianMs)}, p95 ${ms(result.p95Ms)}, min ${ms(result.minMs)}, max ${ms(result.maxMs)}`);
  console.log(`heap growth per year (max over runs) ${result.heapDeltaMb.toFixed(1)} MB, process RSS ${result.rssMb.toFixed(0)} MB`);
  console.log(`assignments ${result.assignments}, unfilled posts ${result.gaps}, relaxed rest rules ${result.warnings}`);
  console.log(`year-end spread total/weekend/holiday: ${result.spreads.join(', ')}`);
  console.log(`target: median under 200 ms: ${result.medianMs < 200 ? 'met' : 'NOT met'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 15);
  printResult(runRotationBenchmark(Number.isInteger(runs) && runs > 0 ? runs : 15));
}
