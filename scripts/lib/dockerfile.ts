import { cpSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A small reader of this project's Dockerfile (no Docker engine runs on the build machines), so tests can check
 * what each stage copies and lay out the final image's files from a real build to start the server from them.
 * It understands what the Dockerfile uses: ARG, FROM ... AS, WORKDIR, ENV, COPY [--from] [--chown], RUN, USER,
 * EXPOSE, HEALTHCHECK ... CMD [...], CMD [...], line continuations and comments.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Copy {
  from?: string;
  chown?: string;
  sources: string[];
  dest: string;
  /** The destination ends with "/" (or there are several sources): files land inside it. */
  destIsDir: boolean;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
  workdir: string;
  copies: Copy[];
  user?: string;
  env: Record<string, string>;
  healthcheck?: string[];
  cmd?: string[];
}

export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (!pending && (/^\s*#/.test(line) || !line.trim())) continue;
    if (pending && /^\s*#/.test(line)) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    const m = /^(\S+)\s*(.*)$/s.exec(full);
    if (m) out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim() });
  }
  return out;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const execForm = (s: string): string[] => (s.trim().startsWith("[") ? (JSON.parse(s) as string[]) : ["/bin/sh", "-c", s]);

function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) env[m[1]!] = m[3] ?? m[2]!;
  return env;
}

export function stages(text: string): Stage[] {
  const args = new Map<string, string>();
  const out: Stage[] = [];
  for (const ins of instructions(text)) {
    const stage = out.at(-1);
    if (ins.keyword === "ARG" && !stage) {
      const [k, v = ""] = ins.args.split("=");
      args.set(k!.trim(), v.trim());
    } else if (ins.keyword === "FROM") {
      const [image = "", as, name] = words(ins.args.replace(/\$\{(\w+)\}/g, (_, k: string) => args.get(k) ?? ""));
      out.push({ name: as?.toUpperCase() === "AS" && name ? name : String(out.length), image, instructions: [], workdir: "/", copies: [], env: {} });
    } else if (stage) {
      stage.instructions.push(ins);
      if (ins.keyword === "WORKDIR") stage.workdir = path.posix.resolve(stage.workdir, ins.args);
      else if (ins.keyword === "USER") stage.user = ins.args;
      else if (ins.keyword === "ENV") Object.assign(stage.env, parseEnv(ins.args));
      else if (ins.keyword === "CMD") stage.cmd = execForm(ins.args);
      else if (ins.keyword === "HEALTHCHECK") {
        const m = /(?:^|\s)CMD\s+(.*)$/s.exec(ins.args);
        stage.healthcheck = m ? execForm(m[1]!) : undefined;
      } else if (ins.keyword === "COPY") {
        const parts = words(ins.args);
        const copy: Copy = { sources: [], dest: "", destIsDir: false };
        const rest: string[] = [];
        for (const p of parts) {
          if (p.startsWith("--from=")) copy.from = p.slice(7);
          else if (p.startsWith("--chown=")) copy.chown = p.slice(8);
          else rest.push(p);
        }
        const dest = rest.pop() ?? "";
        copy.dest = path.posix.resolve(stage.workdir, dest);
        copy.sources = rest;
        copy.destIsDir = dest.endsWith("/") || rest.length > 1;
        stage.copies.push(copy);
      }
    }
  }
  return out;
}

/**
 * Lays out the files of the image's final stage in `outDir`, as `docker build` would, taking the builder stage's
 * /app from `projectRoot` after a local `next build`. Throws, naming the path, when a copied source is missing.
 */
export function assembleFinalStage(text: string, projectRoot: string, outDir: string, opts: { exclude?: string[] } = {}): Stage {
  const excluded = new Set((opts.exclude ?? []).map((p) => path.join(projectRoot, p)));
  const all = stages(text);
  const final = all.at(-1);
  if (!final) throw new Error("The Dockerfile has no FROM");
  for (const copy of final.copies) {
    const fromStage = copy.from ? all.find((s) => s.name === copy.from) : undefined;
    if (copy.from && !fromStage) throw new Error(`COPY --from=${copy.from}: no stage of that name`);
    const fromWorkdir = fromStage?.workdir ?? "/";
    for (const src of copy.sources) {
      const abs = path.posix.resolve(fromWorkdir, src);
      // Only the project's own folder (the builder's WORKDIR, or the build context) maps onto this machine.
      const rel = copy.from ? path.posix.relative(fromWorkdir, abs) : src;
      if (rel.startsWith("..")) throw new Error(`COPY ${src}: outside the builder's ${fromWorkdir}`);
      const local = path.join(projectRoot, rel);
      if (!existsSync(local)) throw new Error(`COPY ${copy.from ? `--from=${copy.from} ` : ""}${src}: ${rel} does not exist after the build`);
      const dest = path.join(outDir, path.posix.relative(final.workdir, copy.dest));
      if (statSync(local).isDirectory()) cpSync(local, dest, { recursive: true, filter: (from) => !excluded.has(from) });
      else {
        mkdirSync(path.dirname(dest), { recursive: true });
        cpSync(local, copy.destIsDir ? path.join(dest, path.basename(local)) : dest);
      }
    }
  }
  return final;
}
