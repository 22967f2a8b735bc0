import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressResolver, pinClientAddress } from "./client-address";

/** A real server on loopback that answers with the headers it passed on after pinning. */
async function echoServer(trusted: string | undefined) {
  const resolve = clientAddressResolver(trusted);
  const server = createServer((req, res) => {
    pinClientAddress(req, resolve);
    res.end(
      JSON.stringify({ xff: req.headers["x-forwarded-for"], real: req.headers["x-real-ip"] }),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  closers.push(() => new Promise<void>((done) => server.close(() => done())));
  const { port } = server.address() as AddressInfo;
  return (headers: Record<string, string>) =>
    new Promise<{ xff?: string; real?: string }>((done, fail) => {
      const req = request({ host: "127.0.0.1", port, headers, agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => done(JSON.parse(body)));
      });
      req.on("error", fail);
      req.end();
    });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe("client address at the web server's edge", () => {
  it("ignores a client's own X-Forwarded-For when its peer is not a trusted proxy", async () => {
    const ask = await echoServer("none");
    const seen = await ask({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "198.51.100.1" });
    expect(seen.xff).toBe("127.0.0.1");
    expect(seen.real).toBeUndefined();
  });

  it("takes the forwarded client when the peer is a trusted proxy (default: loopback)", async () => {
    const ask = await echoServer(undefined);
    expect((await ask({ "x-forwarded-for": "203.0.113.9" })).xff).toBe("203.0.113.9");
  });

  it("reads the chain from the right: an address the client prepended is not believed", async () => {
    // The client sent "6.6.6.6"; the proxy on 10.0.0.2 appended the real client it saw.
    const ask = await echoServer("127.0.0.1/8, 10.0.0.0/8");
    const seen = await ask({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(seen.xff).toBe("203.0.113.9");
  });

  it("uses the socket address when there is no forwarding header", async () => {
    const ask = await echoServer("loopback");
    expect((await ask({})).xff).toBe("127.0.0.1");
  });

  it("names the setting when it cannot be parsed", () => {
    expect(() => clientAddressResolver("10.0.0.0/99")).toThrow(/OMNIFY_TRUSTED_PROXIES/);
  });
});
