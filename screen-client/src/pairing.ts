import { DeviceApiError, pairing, storedToken } from "./device-api";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Shows a short pairing code until someone claims it in the portal, then stores the device
 * token (handed out exactly once) and resolves with it. An expired code is replaced.
 */
export async function pairScreen(root: HTMLElement, notice = ""): Promise<string> {
  for (;;) {
    let started: Awaited<ReturnType<typeof pairing.start>>;
    try {
      started = await pairing.start();
    } catch (error) {
      renderPairing(root, null, `Cannot reach the server (${String(error)}); retrying…`);
      await sleep(3_000);
      continue;
    }
    renderPairing(root, started.code, notice, started.expiresAt);
    for (;;) {
      await sleep(1_500);
      try {
        const result = await pairing.poll(started);
        if (result.status === "paired") {
          storedToken.set(result.token);
          return result.token;
        }
      } catch (error) {
        // Expired or already collected: start over with a new code.
        if (error instanceof DeviceApiError && error.status < 500) break;
      }
    }
  }
}

function renderPairing(root: HTMLElement, code: string | null, notice: string, expiresAt?: string) {
  const box = document.createElement("section");
  box.className = "pairing";
  box.dataset.testid = "pairing";
  const h = document.createElement("h1");
  h.textContent = "Pair this screen";
  const p = document.createElement("p");
  p.textContent = "In your portal, open Billboards → Screens → Pair a player and enter:";
  const c = document.createElement("div");
  c.className = "pairing-code";
  c.dataset.testid = "pairing-code";
  // Read across a room: two groups of four.
  c.textContent = code ? `${code.slice(0, 4)}-${code.slice(4)}` : "······";
  box.append(h, p, c);
  if (expiresAt) {
    const e = document.createElement("p");
    e.className = "pairing-expiry";
    e.textContent = `Code valid until ${new Date(expiresAt).toLocaleTimeString()}`;
    box.append(e);
  }
  if (notice) {
    const n = document.createElement("p");
    n.className = "pairing-notice";
    n.dataset.testid = "pairing-notice";
    n.textContent = notice;
    box.append(n);
  }
  root.replaceChildren(box);
}
