import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const bin = (name: string) => `${repoRoot}node_modules/.bin/${name}`;
