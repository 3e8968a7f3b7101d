import { EXIT, runCli } from './cli.ts';

// `npm run sim -- <scenario.json> [options]`; see docs/cli.md.
try {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = EXIT.failed;
}
