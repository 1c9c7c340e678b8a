import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { binaryKind, decodeTextFile } from "./import-binary";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const want = "an ECS task definition (JSON) or Kubernetes YAML";

describe("decodeTextFile", () => {
  it.each([
    ["a PNG", PNG, "This is a PNG image, not a text file: choose an ECS task definition (JSON) or Kubernetes YAML."],
    [
      "a gzip",
      new Uint8Array(gzipSync(Buffer.from('{"family":"x"}'))),
      "This is a gzip archive, not a text file: choose an ECS task definition (JSON) or Kubernetes YAML.",
    ],
    ["NUL bytes", Uint8Array.from([0x7b, 0x00, 0x7d]), "This is a binary file, not a text file: choose an ECS task definition (JSON) or Kubernetes YAML."],
  ])("names %s in one sentence without echoing its bytes", (_, bytes, message) => {
    const r = decodeTextFile(bytes, want);
    expect(r).toEqual({ ok: false, error: { message } });
    // one sentence, nothing but printable ASCII
    expect(message).toMatch(/^[\x20-\x7e]+$/);
  });

  it("refuses text that is not UTF-8 (Latin-1 é) with a plain sentence", () => {
    const r = decodeTextFile(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9]), want);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^This file is not UTF-8 text/);
  });

  it("decodes UTF-8 text and drops the byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"name":"café"}\n')]);
    expect(decodeTextFile(bytes, want)).toEqual({ ok: true, value: '{"name":"café"}\n' });
  });

  it("accepts tabs, CRLF and form feeds as text", () => {
    expect(binaryKind(new TextEncoder().encode("a,\tb\r\nc\f"))).toBeNull();
  });
});

describe("importWorkload on binary text (a file read as text elsewhere, or pasted)", () => {
  it("gives one plain sentence without the bytes", async () => {
    const { importWorkload } = await import("./import");
    const mojibake = new TextDecoder().decode(PNG); // what file.text() makes of a PNG
    const r = importWorkload(mojibake);
    expect(r).toEqual({
      ok: false,
      error: {
        message:
          "This is not text (it looks like a binary file, such as an image or an archive): expected an ECS task definition (JSON) or Kubernetes manifests (YAML or JSON).",
      },
    });
  });
});
