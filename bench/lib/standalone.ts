import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Target } from '../platform.section.ts';
import { fmt, formatTable } from './table.ts';

/** What a section hands back: its printed table, how long it took, and its figures against the targets. */
export interface SectionOutput {
  table: string;
  results: { seconds: number } | null;
  targets: Target[];
}

/** True when this module is the script node was started with (`npx tsx bench/<section>.ts`). */
export const isMain = (moduleUrl: string): boolean =>
  Boolean(process.argv[1]) && fileURLToPath(moduleUrl) === fs.realpathSync(process.argv[1]!);

/** Runs one section on its own: load average around it, its table, then the targets it met or missed. */
export function runStandalone(run: (log: (message: string) => void) => Promise<SectionOutput>): void {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()} (${os.cpus().length} CPU)`);
  run((m) => console.log(`· ${m}`)).then(
    (out) => {
      console.log(`load average after: ${load()}`);
      console.log('\n' + out.table);
      if (out.results) console.log(`\n(section took ${fmt(out.results.seconds, 0)} s)`);
      if (out.targets.length) {
        console.log(
          '\n' +
            formatTable(
              ['Ratio / target', 'value', 'target', 'met'],
              out.targets.map((t) => [
                t.name,
                fmt(t.value, t.value > 100 ? 0 : 2),
                t.target,
                t.met === null ? '—' : t.met ? 'yes' : 'NO',
              ]),
            ),
        );
      }
      process.exit(0);
    },
    (err: unknown) => {
      console.error('bench failed:', err);
      process.exit(1);
    },
  );
}
