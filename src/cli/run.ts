// CLI: dispatch of a command line to its command, with exit statuses and error messages.
import { parseArgs, UsageError } from './args';
import { runAggregate } from './aggregate';
import { CliFileError, type CliIo } from './load-incidents';
import { USAGE } from './usage';

/**
 * Runs one command line (the arguments after the program name). Resolves to the exit status:
 * 0 done, 1 a file could not be read or written, 2 bad arguments. Other errors propagate.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // coverage has flags of its own (cameras, not incidents): parsed in coverage-args.ts.
    if (argv[0] === 'coverage' && !argv.includes('--help') && !argv.includes('-h')) {
      (await import('./coverage')).runCoverage(argv.slice(1), io);
      return 0;
    }
    // validate reads any import format (src/io/import): its flags are in validate-args.ts.
    if (argv[0] === 'validate' && !argv.includes('--help') && !argv.includes('-h')) {
      await (await import('./validate')).runValidate(argv.slice(1), io);
      return 0;
    }
    // site takes the incident options plus its own (site-args.ts).
    if (argv[0] === 'site' && !argv.includes('--help') && !argv.includes('-h')) {
      (await import('./site')).runSite(argv.slice(1), io);
      return 0;
    }
    const opts = parseArgs(argv);
    if (opts === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (opts.command === 'aggregate') runAggregate(opts, io);
    else (await import('./hotspots')).runHotspots(opts, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n(npm run cli -- --help prints the usage)\n`);
      return 2;
    }
    if (e instanceof CliFileError) {
      io.stderr(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
