/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appendPeerAddress } = await import("./lib/http/peer-address");
    appendPeerAddress();
    const { boundSlowClients } = await import("./lib/http/slow-clients");
    boundSlowClients();
  }
}
