import { parseArgs } from "node:util";
import { fail, ok, type Result } from "@/lib/core";

export type ParsedArgs = Result<{ values: Record<string, string | undefined>; positionals: string[] }>;

/**
 * The CLIs' arguments, by node:util parseArgs (strict): the named options all take a value (`--name value` or
 * `--name=value`), everything else is a file. As before parseArgs, the argument after a named option is always its
 * value, even one that starts with a dash (`--fail-above -5` is refused by the option's own check, with its own
 * message), and a named option last on the line has the value "". A failure comes back as one sentence naming the
 * option, which the caller words as its own error ("unknown option --x (see --help)").
 */
export function parseCliArgs(argv: string[], options: readonly string[]): ParsedArgs {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--") && !a.includes("=") && options.includes(a.slice(2))) args.push(`${a}=${argv[++i] ?? ""}`);
    else args.push(a);
  }
  try {
    const { values, positionals } = parseArgs({
      args,
      options: Object.fromEntries(options.map((name) => [name, { type: "string" as const }])),
      allowPositionals: true,
      strict: true,
    });
    return ok({ values: values as Record<string, string | undefined>, positionals });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' <]*)/.exec((e as Error).message)?.[1] ?? "an option";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return fail({ message: `unknown option ${option}` });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      return fail({ message: `${option} needs a value (one that starts with a dash goes as ${option}=-value)` });
    throw e;
  }
}
