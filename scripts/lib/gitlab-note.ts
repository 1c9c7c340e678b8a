import { fail, ok, type Result } from "@/lib/core";
import { MARKDOWN_MARKER } from "@/lib/diff";

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

const NOTE_LIMIT = 1_000_000; // GitLab's note limit; the report stays far below it

/**
 * Creates the merge request's cost note, or updates the one an earlier run left (found by its hidden marker), with
 * the GitLab REST API v4 (`PRIVATE-TOKEN`: a project or personal access token with the `api` scope).
 */
export async function upsertMergeRequestNote(opts: {
  api: string;
  project: string;
  mr: number;
  token: string;
  body: string;
  fetch: Fetch;
}): Promise<Result<string>> {
  const headers = { "PRIVATE-TOKEN": opts.token, "Content-Type": "application/json", "User-Agent": "fargate-estimator" };
  const base = `${opts.api.replace(/\/$/, "")}/projects/${encodeURIComponent(opts.project)}/merge_requests/${opts.mr}/notes`;
  const body = opts.body.slice(0, NOTE_LIMIT);
  const why = async (r: { status: number; json(): Promise<unknown> }) => {
    const j = (await r.json().catch(() => null)) as { message?: unknown } | null;
    return `${r.status}${typeof j?.message === "string" ? ` ${j.message}` : ""}`;
  };
  let existing: number | undefined;
  for (let page = 1; page <= 10 && existing === undefined; page++) {
    const r = await opts.fetch(`${base}?per_page=100&page=${page}&sort=asc`, { method: "GET", headers });
    if (!r.ok) return fail({ message: `could not list the merge request's notes (${await why(r)}): give GITLAB_TOKEN the api scope` });
    const list = (await r.json()) as { id: number; body?: string; system?: boolean }[];
    existing = list.find((n) => !n.system && typeof n.body === "string" && n.body.includes(MARKDOWN_MARKER))?.id;
    if (list.length < 100) break;
  }
  const r = existing
    ? await opts.fetch(`${base}/${existing}`, { method: "PUT", headers, body: JSON.stringify({ body }) })
    : await opts.fetch(base, { method: "POST", headers, body: JSON.stringify({ body }) });
  if (!r.ok) return fail({ message: `could not ${existing ? "update" : "write"} the note (${await why(r)}): give GITLAB_TOKEN the api scope` });
  return ok(existing ? `updated note ${existing}` : "noted on the merge request");
}
