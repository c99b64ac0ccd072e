import { UsageError } from './options';

/** Runs a CLI body: usage mistakes exit 2 with the usage line, other failures exit 1 with their message. */
export function runCli(usage: string, body: () => Promise<number>): void {
  body().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const usageMistake =
        error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      console.error(error instanceof Error ? error.message : String(error));
      if (usageMistake) console.error(`usage: ${usage}`);
      process.exitCode = usageMistake ? 2 : 1;
    },
  );
}
