import { and, eq, pluginSecrets, type Tx } from "@omnify/db";
import { decryptWith, encryptWith, newWrappedKey, secretAad, unwrapKey } from "./envelope";

type Installation = { tenantId: string; pluginId: string };

const installationAad = (i: Installation) => `${i.tenantId}/${i.pluginId}`;
const ofInstallation = (i: Installation) =>
  and(eq(pluginSecrets.tenantId, i.tenantId), eq(pluginSecrets.pluginId, i.pluginId));

/** The installation's data key: unwrapped from any existing row, or a new one. */
async function dataKey(tx: Tx, i: Installation, omnifySecret: string) {
  const [row] = await tx
    .select({ wrappedKey: pluginSecrets.wrappedKey, keyVersion: pluginSecrets.keyVersion })
    .from(pluginSecrets)
    .where(ofInstallation(i))
    .limit(1);
  if (!row) return newWrappedKey(omnifySecret, installationAad(i));
  const dek = unwrapKey(omnifySecret, row.wrappedKey, row.keyVersion, installationAad(i));
  return { dek, wrappedKey: row.wrappedKey, keyVersion: row.keyVersion };
}

/** Stores (or replaces) one named secret, encrypted; the value is never stored in clear. */
export async function writePluginSecret(
  tx: Tx,
  i: Installation & { name: string; value: string },
  omnifySecret: string,
): Promise<{ name: string; updatedAt: Date }> {
  const key = await dataKey(tx, i, omnifySecret);
  const sealed = encryptWith(key.dek, i.value, secretAad(i.tenantId, i.pluginId, i.name));
  const values = { ...sealed, wrappedKey: key.wrappedKey, keyVersion: key.keyVersion };
  const [row] = await tx
    .insert(pluginSecrets)
    .values({ tenantId: i.tenantId, pluginId: i.pluginId, name: i.name, ...values })
    .onConflictDoUpdate({
      target: [pluginSecrets.tenantId, pluginSecrets.pluginId, pluginSecrets.name],
      set: { ...values, updatedAt: new Date() },
    })
    .returning({ name: pluginSecrets.name, updatedAt: pluginSecrets.updatedAt });
  if (!row) throw new Error("secret upsert returned no row");
  return row;
}

/** Decrypts one secret for the host (fetch auth injection); null when it was never set. */
export async function readPluginSecret(
  tx: Tx,
  i: Installation & { name: string },
  omnifySecret: string,
): Promise<string | null> {
  const [row] = await tx
    .select()
    .from(pluginSecrets)
    .where(and(ofInstallation(i), eq(pluginSecrets.name, i.name)));
  if (!row) return null;
  const dek = unwrapKey(omnifySecret, row.wrappedKey, row.keyVersion, installationAad(i));
  return decryptWith(dek, row, secretAad(i.tenantId, i.pluginId, i.name));
}

/** Which secrets are set, and when: never the values. */
export async function listPluginSecretNames(
  tx: Tx,
  i: Installation,
): Promise<Array<{ name: string; updatedAt: Date }>> {
  return tx
    .select({ name: pluginSecrets.name, updatedAt: pluginSecrets.updatedAt })
    .from(pluginSecrets)
    .where(ofInstallation(i))
    .orderBy(pluginSecrets.name);
}
