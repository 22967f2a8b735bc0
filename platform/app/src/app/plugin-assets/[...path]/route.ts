import { catalogUiLookup } from "../../../plugins-ui/server/catalog";
import { findPluginsDir, serveAsset } from "../../../plugins-ui/server/serve-asset";

// Reached as /_plugins/<id>/<version>/<file> through a rewrite in next.config.ts (folders
// starting with `_` are private in the App Router).
let pluginsDir: string | undefined;

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  pluginsDir ??= findPluginsDir(process.cwd());
  return serveAsset((await params).path, { lookup: catalogUiLookup, pluginsDir });
}
