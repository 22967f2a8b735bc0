/**
 * Decodes Stripe's form encoding (`a[b][0][c]=x`) into nested objects and arrays, the way
 * the SDK's encoder writes it. Values stay strings, as on the real API.
 */
export function decodeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const [head = "", ...rest] = rawKey.split("[").map((p) => p.replace(/]$/, ""));
    let node: Record<string, unknown> = root;
    const path = [head, ...rest];
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1] ?? "");
      const slot = key === "" && Array.isArray(node) ? String((node as unknown[]).length) : key;
      if (last) {
        node[slot] = value;
        return;
      }
      node[slot] ??= nextIsIndex ? [] : {};
      node = node[slot] as Record<string, unknown>;
    });
  }
  return root;
}
