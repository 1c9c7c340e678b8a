import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { terminalText } from "@/lib/core";
import { runCli } from "./cli";
import { runReconcileCli } from "./reconcile-cli";

// Names an attacker (or an unlucky copy-paste) can put in a scenario, a manifest or a bill (issue 19 item 11).
const OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"; // writes the clipboard
const OSC0 = "\x1b]0;owned\x07"; // sets the window title
const CSI2J = "\x1b[2J\x1b[H"; // clears the screen
const C1 = "\u009b2J\u009d0;t\u009c"; // the same as single C1 characters
const OTHER = "a\rb\bc\x7fd\u202ee"; // carriage return, backspace, DEL, right-to-left override
const NAME = `api${OSC52}${OSC0}${CSI2J}${C1}${OTHER}`;
// Anything a terminal acts on: C0 except the line feed, DEL, C1, bidi overrides.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const tmp = mkdtempSync(path.join(tmpdir(), "terminal-escapes-"));
const fx = (f: string) => path.resolve(__dirname, "..", "..", "lib", "billing", "__fixtures__", f);

describe("terminalText", () => {
  it("shows each control character as its escape and keeps line feeds unless told", () => {
    expect(terminalText(OSC52)).toBe("\\x1b]52;c;ZWNobyBwd25lZA==\\x07");
    expect(terminalText(`${CSI2J}\n${C1}`)).toBe("\\x1b[2J\\x1b[H\n\\x9b2J\\x9d0;t\\x9c");
    expect(terminalText(OTHER)).toBe("a\\x0db\\x08c\\x7fd\\u202ee");
    expect(terminalText("x\ny\tz", false)).toBe("x\\x0ay\\x09z");
    expect(terminalText("Café – 東京 ✓")).toBe("Café – 東京 ✓");
  });
});

describe("estimate --format table escapes names (issue 19 item 11)", () => {
  const scenario = {
    name: `shop${OSC0}`,
    region: "us-east-1",
    workloads: [{ name: NAME, vcpu: 1, memoryGiB: 2, tasks: 1 }],
  };
  it("the table shows the escapes; before, the raw ESC/BEL sequences reached the terminal", () => {
    const r = runCli(["s.json", "--format", "table"], () => JSON.stringify(scenario));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain("shop\\x1b]0;owned\\x07 - US East (N. Virginia)");
    expect(r.stdout).toContain("api\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\x1b]0;owned\\x07\\x1b[2J\\x1b[H\\x9b2J\\x9d0;t\\x9ca\\x0db\\x08c\\x7fd\\u202ee");
    // The rows stay aligned: every line-item row starts with the escaped name, padded like the header.
    const lines = r.stdout.split("\n");
    const header = lines.find((l) => l.startsWith("Workload"))!;
    const row = lines.find((l) => l.startsWith("api"))!;
    expect(row.indexOf("Fargate")).toBe(header.indexOf("Line item"));
  });

  it("a problem message that quotes a name is escaped too (stderr)", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `p${CSI2J}` },
      spec: { containers: [{ name: "c", resources: { requests: { cpu: "64", memory: "2Gi" } } }] },
    };
    const r = runCli(["--import", "pod.json", "--format", "table"], () => JSON.stringify(pod));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stderr).toMatch(/^pod\.json: "p\\x1b\[2J\\x1b\[H" cannot run on Fargate as written/);
  });

  it("an imported manifest's name likewise", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `p${CSI2J}` },
      spec: { containers: [{ name: "c", resources: { requests: { cpu: "1", memory: "2Gi" } } }] },
    };
    const r = runCli(["--import", "pod.json", "--format", "table"], () => JSON.stringify(pod));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain("p\\x1b[2J\\x1b[H");
  });
});

describe("reconcile --format table escapes names from the bill and the scenario (issue 19 item 11)", () => {
  it("a service name in the bill's tags and the scenario's name", async () => {
    const bill = path.join(tmp, "bill.csv");
    // The service tag "api" becomes a hostile name (quoted, as a CSV writer would).
    const text = readFileSync(fx("cur-legacy-fargate.csv"), "utf8").replaceAll(",web,api", `,web,"svc${OSC52}${CSI2J}${C1}"`);
    expect(text).toContain(OSC52);
    writeFileSync(bill, text);
    const scenario = path.join(tmp, "s.json");
    writeFileSync(scenario, JSON.stringify({ name: `shop${OSC0}`, region: "us-east-1", workloads: [{ name: NAME, vcpu: 1, memoryGiB: 2 }] }));
    const r = await runReconcileCli([bill, "--format", "table", "--scenario", scenario]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain("svc\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\x1b[2J\\x1b[H\\x9b2J\\x9d0;t\\x9c");
    expect(r.stdout).toContain('Compared with the scenario "shop\\x1b]0;owned\\x07"');
  });

  it("an error that quotes a bill's cell is escaped (stderr)", async () => {
    const bill = path.join(tmp, "bad.csv");
    writeFileSync(bill, readFileSync(fx("cur-legacy-fargate.csv"), "utf8").replace(",0.04048,0.04048,0.04048,", `,0.04048,"x${CSI2J}",0.04048,`));
    const r = await runReconcileCli([bill, "--format", "table"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stderr).toContain("x\\x1b[2J\\x1b[H");
  });
});
