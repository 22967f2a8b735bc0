import http from "node:http";
import https from "node:https";
import { HostApiError } from "@omnify/plugin-sdk";
import { pinnedLookup, type ResolvedAddress } from "./address-guard.ts";

export type RawResponse = {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
};

/**
 * One HTTP exchange to an address that was already checked. `agent: false` so no pooled
 * socket (possibly to an older DNS answer) is reused; the hostname stays in the URL so TLS
 * still verifies the certificate for the name, not the IP.
 */
export function httpRequest(req: {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  address: ResolvedAddress;
  signal: AbortSignal;
  maxBytes: number;
}): Promise<RawResponse> {
  const mod = req.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let outgoing: http.ClientRequest;
    try {
      outgoing = mod.request(
        req.url,
        {
          method: req.method,
          headers: req.headers,
          agent: false,
          lookup: pinnedLookup(req.address) as never,
          signal: req.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > req.maxBytes) {
              res.destroy();
              reject(
                new HostApiError("too_large", `response is larger than ${req.maxBytes} bytes`),
              );
            } else chunks.push(chunk);
          });
          res.on("error", (e) => reject(toHostError(e)));
          res.on("end", () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
            resolve({
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? "",
              headers,
              body: Buffer.concat(chunks),
            });
          });
        },
      );
    } catch (e) {
      reject(new HostApiError("bad_request", e instanceof Error ? e.message : String(e)));
      return;
    }
    outgoing.on("error", (e) => reject(toHostError(e)));
    outgoing.end(req.body);
  });
}

function toHostError(e: Error): HostApiError {
  if (e instanceof HostApiError) return e;
  if (e.name === "AbortError" || e.name === "TimeoutError")
    return new HostApiError("timeout", "request timed out");
  return new HostApiError("network", `request failed: ${e.message}`);
}
