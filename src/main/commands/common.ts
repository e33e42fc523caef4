// What every command of the CLI shares, kept free of heavy imports: `quytap --help` loads only this.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const defaultProjectsDir = () => process.env.QUYTAP_PROJECTS_DIR ?? join(homedir(), 'QuyTap');
export const author = () => process.env.QUYTAP_OPERATOR ?? userInfo().username;

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * parseArgs with `--help`/`-h` for every command: the usage goes to stdout and the command ends
 * (exit 0, null returned); a bad option prints the message and the usage on stderr, exit 2.
 */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
  usage: string,
  allowPositionals = true,
): Parsed<O> | null {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return null;
  }
  return parsed as unknown as Parsed<O>;
}
