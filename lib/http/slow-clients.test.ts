import http from "node:http";
import { describe, expect, it } from "vitest";
import { boundSlowClients, boundTimeouts, CHECK_INTERVAL_MS, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from "./slow-clients";

describe("slow clients (issue 19: 50 slowloris sockets were open after 60 s)", () => {
  it("Node's defaults let a socket trickle its headers for up to 60 s + 30 s; the bounds close it within 45 s", () => {
    const server = http.createServer();
    expect([server.headersTimeout, server.requestTimeout, (server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval]).toEqual([
      60_000,
      300_000,
      CHECK_INTERVAL_MS,
    ]);
    boundTimeouts(server);
    expect([server.headersTimeout, server.requestTimeout]).toEqual([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]);
    // Closed at most one check after the header timeout: 15 s + 30 s, under the 60 s the issue measured.
    expect(HEADERS_TIMEOUT_MS + CHECK_INTERVAL_MS).toBe(45_000);
  });

  it("never raises a lower setting", () => {
    const server = { headersTimeout: 5_000, requestTimeout: 10_000 };
    boundTimeouts(server);
    expect(server).toEqual({ headersTimeout: 5_000, requestTimeout: 10_000 });
    const unlimited = { headersTimeout: 0, requestTimeout: 0 };
    boundTimeouts(unlimited);
    expect(unlimited).toEqual({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS });
  });

  it("applies to a server created before it was installed, at its first event (how next start's server gets it)", async () => {
    class Server extends http.Server {}
    const server = new Server((_req, res) => res.end("ok"));
    boundSlowClients(Server);
    boundSlowClients(Server); // twice is once
    expect(server.headersTimeout).toBe(60_000);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
    expect([server.headersTimeout, server.requestTimeout]).toEqual([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]);
    await new Promise((resolve) => server.close(resolve));
  });
});
