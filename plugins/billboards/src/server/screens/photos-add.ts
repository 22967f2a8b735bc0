import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";
import { loadOwnScreen } from "../lib/screens.ts";
import { storageKey } from "./create.types.ts";
import { checkPhotos, photoUrls, storePhotos } from "./photos.ts";

/** Adds uploaded photos to one of the caller's screens. */
export const addScreenPhotos = {
  input: z.strictObject({ screenId: z.uuid(), photos: z.array(storageKey).min(1).max(10) }),
  handler: async (i: { screenId: string; photos: string[] }, ctx: Ctx) => {
    const screen = await loadOwnScreen(ctx, requireMember(ctx), i.screenId);
    await storePhotos(ctx, screen.id, await checkPhotos(ctx, i.photos));
    return { photos: (await photoUrls(ctx, [screen.id])).get(screen.id) ?? [] };
  },
};
