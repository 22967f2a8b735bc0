import { createHash } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tests name tenants `t1`, `acme`; the database layer only accepts UUIDs (tenant ids are
 * UUIDs in production). Labels map to stable UUIDs and back, so recordings read like the test.
 */
export class TenantMap {
  private readonly toId = new Map<string, string>();
  private readonly toLabel = new Map<string, string>();

  id(label: string): string {
    let id = this.toId.get(label);
    if (!id) {
      id = UUID.test(label) ? label.toLowerCase() : uuidFor(label);
      this.toId.set(label, id);
      this.toLabel.set(id, label);
    }
    return id;
  }

  /** The label a test used for this id (the id itself for tenants it never named). */
  label(id: string): string {
    return this.toLabel.get(id) ?? id;
  }
}

/** A version-4-shaped UUID derived from the label, the same in every run. */
function uuidFor(label: string): string {
  const h = createHash("sha256").update(`omnify-test-tenant:${label}`).digest("hex");
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
