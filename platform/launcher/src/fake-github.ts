import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for GitHub's OAuth app flow, speaking its wire format, so `npm test` can
 * sign in through next-auth's GitHub provider with no network:
 *
 * - `GET /login/oauth/authorize`: GitHub's sign-in page; here a form asking which (verified)
 *   e-mail the GitHub account has. Submitting it redirects to `redirect_uri?code&state`.
 * - `POST /login/oauth/access_token`: code → `{ access_token, token_type, scope }` (JSON when
 *   asked, form-encoded otherwise; a bad code is a 200 with `error`, as on GitHub).
 * - `GET /user`, `GET /user/emails`: the API, with `Authorization: Bearer|token <token>`.
 *
 * One server answers both the web (github.com) and API (api.github.com) paths: point
 * GITHUB_OAUTH_URL and GITHUB_API_URL at it. Codes are single-use and expire.
 */
export type FakeGithub = {
  url: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

type Account = { email: string; verified: boolean; id: number };
const CODE_TTL_MS = 10 * 60_000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64_000) throw new Error("body too large");
  }
  return body;
}

function formOrJson(body: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes("application/json")) {
    const parsed = JSON.parse(body || "{}") as Record<string, unknown>;
    return new URLSearchParams(
      Object.entries(parsed).map(([k, v]) => [k, String(v)] as [string, string]),
    );
  }
  return new URLSearchParams(body);
}

const sameSecret = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value));
}

function authorizePage(q: URLSearchParams): string {
  const hidden = ["client_id", "redirect_uri", "state", "scope"]
    .map((n) => `<input type="hidden" name="${n}" value="${escapeHtml(q.get(n) ?? "")}">`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Sign in to GitHub · fake</title></head><body>
<main><h1>Sign in to GitHub</h1><p>to continue to the Omnify OAuth app (local fake).</p>
<form method="post" action="/login/oauth/authorize">${hidden}
<label>GitHub account e-mail <input type="email" name="email" required></label>
<label><input type="checkbox" name="verified" value="1" checked> E-mail verified</label>
<button type="submit">Authorize</button></form></main></body></html>`;
}

export async function startFakeGithub(
  opts: { clientId?: string; clientSecret?: string } = {},
): Promise<FakeGithub> {
  const clientId = opts.clientId ?? `Iv1.${randomBytes(8).toString("hex")}`;
  const clientSecret = opts.clientSecret ?? randomBytes(20).toString("hex");
  const codes = new Map<string, { account: Account; redirectUri: string; expires: number }>();
  const tokens = new Map<string, Account>();
  let nextId = 1000;

  const bearer = (req: IncomingMessage): Account | undefined => {
    const m = /^(?:Bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    return m?.[1] ? tokens.get(m[1]) : undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake-github");
    const route = `${req.method} ${url.pathname}`;
    if (route === "GET /login/oauth/authorize") {
      if (url.searchParams.get("client_id") !== clientId) {
        res.writeHead(404, { "content-type": "text/plain" }).end("unknown client_id");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(authorizePage(url.searchParams));
      return;
    }
    if (route === "POST /login/oauth/authorize") {
      const form = new URLSearchParams(await readBody(req));
      const redirectUri = form.get("redirect_uri") ?? "";
      const email = (form.get("email") ?? "").trim();
      if (form.get("client_id") !== clientId || !URL.canParse(redirectUri) || !email) {
        res.writeHead(400, { "content-type": "text/plain" }).end("bad authorization request");
        return;
      }
      const code = randomBytes(10).toString("hex");
      const account = { email, verified: form.get("verified") === "1", id: nextId++ };
      codes.set(code, { account, redirectUri, expires: Date.now() + CODE_TTL_MS });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const state = form.get("state");
      if (state) back.searchParams.set("state", state);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (route === "POST /login/oauth/access_token") {
      const params = formOrJson(await readBody(req), req.headers["content-type"]);
      // client_secret_basic (what openid-client sends) or client_secret_post.
      const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const [basicId, basicSecret] = basic
        ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent)
        : [];
      const id = basicId ?? params.get("client_id") ?? "";
      const secret = basicSecret ?? params.get("client_secret") ?? "";
      const code = params.get("code") ?? "";
      const grant = codes.get(code);
      codes.delete(code);
      let answer: Record<string, string>;
      if (id !== clientId || !sameSecret(secret, clientSecret)) {
        answer = { error: "incorrect_client_credentials" };
      } else if (!grant || grant.expires < Date.now()) {
        answer = { error: "bad_verification_code" };
      } else if (params.has("redirect_uri") && params.get("redirect_uri") !== grant.redirectUri) {
        answer = { error: "redirect_uri_mismatch" };
      } else {
        const token = `gho_${randomBytes(18).toString("hex")}`;
        tokens.set(token, grant.account);
        answer = { access_token: token, token_type: "bearer", scope: "read:user,user:email" };
      }
      if (req.headers.accept?.includes("application/json")) json(res, 200, answer);
      else {
        res.writeHead(200, { "content-type": "application/x-www-form-urlencoded" });
        res.end(new URLSearchParams(answer).toString());
      }
      return;
    }
    if (route === "GET /user" || route === "GET /user/emails") {
      const account = bearer(req);
      if (!account) {
        json(res, 401, { message: "Bad credentials", status: "401" });
        return;
      }
      const login = account.email.split("@")[0]?.replace(/[^a-z0-9-]/gi, "-") || "user";
      if (url.pathname === "/user") {
        // A private e-mail, as for most accounts: clients must ask /user/emails.
        json(res, 200, { login, id: account.id, name: null, email: null, avatar_url: null });
      } else {
        json(res, 200, [
          { email: account.email, primary: true, verified: account.verified, visibility: null },
        ]);
      }
      return;
    }
    json(res, 404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad request");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
