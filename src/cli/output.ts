import { accessSync, closeSync, constants, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Where results go. A file is written under a temporary name and renamed
 * when complete, so an interrupted or failed run never leaves a truncated
 * file (nor clobbers an earlier good one).
 */
export interface Output {
  write(text: string): void;
  /** Makes the output final (renames the file into place). */
  commit(): void;
  /** Drops what was written to a file; nothing to undo on stdout. */
  discard(): void;
}

/** Why `--out FILE` cannot be written, checked before anything runs; undefined when fine. */
export function checkOutPath(file: string): string | undefined {
  const path = resolve(file);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return `--out: ${JSON.stringify(file)} is a directory`;
    accessSync(dirname(path), constants.W_OK);
    return undefined;
  } catch {
    return `--out: cannot write to the folder of ${JSON.stringify(file)} (does it exist?)`;
  }
}

export function fileOutput(file: string): Output {
  const path = resolve(file);
  const temp = `${path}.partial-${process.pid}`;
  const fd = openSync(temp, 'w');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(text) {
      writeSync(fd, text);
    },
    commit() {
      close();
      renameSync(temp, path);
    },
    discard() {
      close();
      rmSync(temp, { force: true });
    },
  };
}

/** Standard output; a reader that goes away (`| head`) is not an error. */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  let gone = false;
  let failure: Error | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    gone = true;
    if (e.code !== 'EPIPE') failure = e;
  });
  return {
    write(text) {
      if (!gone) stream.write(text);
    },
    commit() {
      if (failure) throw new Error(`cannot write the output: ${failure.message}`);
    },
    discard() {},
  };
}
