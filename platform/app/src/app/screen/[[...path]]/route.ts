import { screenDistDir, serveScreenFile } from "../../../server/screen-client";

let distDir: string | undefined;

/** The billboard player (screen-client's static build), same origin as the tenant's portal. */
export async function GET(_req: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  distDir ??= screenDistDir(process.cwd());
  return serveScreenFile((await params).path ?? [], distDir);
}
