import { createHmac, timingSafeEqual } from "node:crypto";

const keyFor = (omnifySecret: string) =>
  createHmac("sha256", omnifySecret).update("omnify:plugin-files").digest();
const sign = (omnifySecret: string, path: string) =>
  createHmac("sha256", keyFor(omnifySecret)).update(path).digest("base64url");

/**
 * The stable, signed URL path of a plugin's object. Keys are content-addressed, so the URL
 * never needs to expire: whoever holds it may read exactly that object, nothing else.
 */
export function pluginFileUrl(
  omnifySecret: string,
  o: { tenantId: string; pluginId: string; key: string },
): string {
  const path = `${o.tenantId}/${o.pluginId}/${o.key}`;
  return `/api/plugin-files/${path}?sig=${sign(omnifySecret, path)}`;
}

/** True when `sig` was made by pluginFileUrl for exactly this tenant, plugin and key. */
export function verifyPluginFileSignature(
  omnifySecret: string,
  o: { tenantId: string; pluginId: string; key: string },
  sig: string,
): boolean {
  const wanted = Buffer.from(sign(omnifySecret, `${o.tenantId}/${o.pluginId}/${o.key}`));
  const given = Buffer.from(sig);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
