import { USAGE, parseExperimentArgs } from './args.ts';
import { say } from './finish.ts';
import { EXIT, type ExperimentIO } from './io.ts';
import { mergeExperiment } from './merge.ts';
import { runExperiment } from './run.ts';

/**
 * `npm run experiment`: the command line as a function of its arguments and
 * streams, so tests call it in-process. See docs/experiments.md.
 */
export async function runExperimentCli(argv: readonly string[], io: ExperimentIO): Promise<number> {
  const parsed = parseExperimentArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case 'bad':
      say(io.stderr, [...parsed.problems, 'Run with --help for usage.']);
      return EXIT.badInput;
    case 'merge':
      return mergeExperiment(parsed.options, io);
    case 'run':
      return runExperiment(parsed.options, io);
  }
}

export { EXIT };
export type { ExperimentIO };
