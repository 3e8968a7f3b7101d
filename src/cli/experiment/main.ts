import { EXIT, runExperimentCli } from './cli.ts';

// `npm run experiment -- <experiment.json> [options]` and `… merge <dir>... --out DIR`; see docs/experiments.md.
try {
  process.exitCode = await runExperimentCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = EXIT.failed;
}
