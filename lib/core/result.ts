/**
 * The one success/failure shape of the lib: parsers, importers, codecs, adapters and CLIs answer a `Result`
 * instead of each inventing its own `{ ok, scenario } | { ok, message }`. Pure (no imports), so every layer,
 * lib/pricing included, may use it.
 */

/** What went wrong, in words a person reads, and where when it is known: a dotted field path ("workloads.0.vcpu"), a file, an option. */
export interface Problem {
  path?: string;
  message: string;
}

/** A problem whose place is always named: a scenario's field ("" for the whole document). */
export interface FieldProblem extends Problem {
  path: string;
}

export type Ok<T> = { ok: true; value: T };
export type Fail<E> = { ok: false; error: E };
/** Success with a value, or failure with an error (a Problem unless said otherwise). */
export type Result<T, E = Problem> = Ok<T> | Fail<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = <E>(error: E): Fail<E> => ({ ok: false, error });

/** The JSON body of every API error (the routes' answer when a request fails). */
export interface ApiError {
  error: {
    /** Stable machine code (lib/aws/errors.ts lists the AWS ones), e.g. NO_CREDENTIALS, OPT_IN_REQUIRED, INVALID_REQUEST. */
    code: string;
    /** One sentence for the user. */
    message: string;
    /** INVALID_REQUEST only: every problem with its field path. */
    issues?: { path: string; message: string }[];
  };
}
