import type { StoredObject } from "@omnify/plugin-sdk";
import { type Ctx, fail } from "../lib/context.ts";

const PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"];

/** Checks uploaded photos by what the host probed (not what the browser said). */
export async function checkPhotos(ctx: Ctx, keys: string[]): Promise<StoredObject[]> {
  const objects: StoredObject[] = [];
  for (const [i, key] of keys.entries()) {
    const object = await ctx.storage.stat(key);
    if (!object) fail("invalid_input", `photos[${i}]: no uploaded file '${key}'`);
    if (!PHOTO_TYPES.includes(object.contentType))
      fail(
        "invalid_input",
        `photos[${i}]: a photo must be PNG, JPEG or WebP, not ${object.contentType}`,
      );
    if (object.size > ctx.settings.maxImageMb * 1024 * 1024)
      fail("invalid_input", `photos[${i}]: larger than ${ctx.settings.maxImageMb} MB`);
    objects.push(object);
  }
  return objects;
}

/** Stores checked photos of a screen (a photo added twice is kept once). */
export async function storePhotos(ctx: Ctx, screenId: string, objects: StoredObject[]) {
  for (const object of objects) {
    await ctx.db.query(
      `insert into screen_photos (tenant_id, screen_id, storage_key, content_type, width, height)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [
        ctx.tenant.id,
        screenId,
        object.key,
        object.contentType,
        object.width ?? null,
        object.height ?? null,
      ],
    );
  }
}

/** Signed URLs of each screen's photos, keyed by screen id. */
export async function photoUrls(ctx: Ctx, screenIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (screenIds.length === 0) return out;
  const rows = await ctx.db.query<{ screen_id: string; storage_key: string }>(
    `select screen_id, storage_key from screen_photos
     where screen_id in (select value::uuid from jsonb_array_elements_text($1::text::jsonb))
     order by created_at`,
    [JSON.stringify(screenIds)],
  );
  for (const r of rows) {
    const list = out.get(r.screen_id) ?? [];
    list.push(await ctx.storage.url(r.storage_key));
    out.set(r.screen_id, list);
  }
  return out;
}
