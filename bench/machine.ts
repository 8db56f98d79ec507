// Benchmark record: the machine the figures were measured on (bench/results.json "machine"),
// since a figure means little without the cores, CPU, Node and browser behind it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, availableParallelism, cpus, loadavg, release, type } from 'node:os';
import { chromiumPath } from './browser-kit';

export interface Machine {
  /** Logical cores the process may use. */
  cores: number;
  cpuModel: string;
  /** process.version, e.g. "v20.20.2". */
  node: string;
  /** `chromium --version`, or why there is none. */
  chromium: string;
  /** Kernel name, release and architecture. */
  os: string;
  /** When the record was made, ISO 8601 UTC. */
  date: string;
  /** 1-, 5- and 15-minute load averages then: on 2 cores, above ~2 the figures were taken on a shared machine. */
  loadAverage: number[];
}

function chromiumVersion(): string {
  const exe = chromiumPath();
  if (!existsSync(exe)) return `missing (no Chromium at ${exe})`;
  const r = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  // The Debian wrapper script also prints a harmless "[: unexpected operator" on stderr.
  return r.status === 0 ? r.stdout.trim() : `unknown (${exe} --version exited ${r.status})`;
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion(),
    os: `${type()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
