import { createHash } from "node:crypto";
import { list as listTar, type ReadEntry } from "tar";
import { badInput } from "../errors";
import {
  type ExportedTenant,
  type ExportedUser,
  MANIFEST_FILE,
  type Manifest,
  pluginTableFile,
  TENANT_FILE,
  tableFile,
  USERS_FILE,
  ZExportedTenant,
  ZExportedUser,
  ZManifest,
} from "./manifest";

/** An archive larger than this (uncompressed) is refused rather than read into memory. */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

export type Row = Record<string, unknown>;
export type ParsedArchive = {
  manifest: Manifest;
  tenant: ExportedTenant;
  users: ExportedUser[];
  tables: Map<string, Row[]>;
  /** Plugin id → table → rows. */
  plugins: Map<string, Map<string, Row[]>>;
};

const bad = (message: string) => badInput("archive", message);

/** Every regular file in the .tar.gz, in memory; anything else (links, devices) is refused. */
async function readEntries(file: string, label: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  let total = 0;
  let problem: string | null = null;
  const onReadEntry = (entry: ReadEntry) => {
    if (entry.type === "Directory") return entry.resume();
    if (entry.type !== "File") problem ??= `${entry.path} is a ${entry.type}, not a file`;
    if (entries.size >= MAX_ENTRIES) problem ??= `more than ${MAX_ENTRIES} files`;
    const chunks: Buffer[] = [];
    entry.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_ARCHIVE_BYTES) problem ??= `larger than ${MAX_ARCHIVE_BYTES} bytes unpacked`;
      else chunks.push(chunk);
    });
    entry.on("end", () => entries.set(entry.path.replace(/^\.\//, ""), Buffer.concat(chunks)));
  };
  try {
    await listTar({ file, strict: true, onReadEntry });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw bad(`${label} is not a readable .tar.gz archive (${why})`);
  }
  if (problem) throw bad(`${label} cannot be imported: ${problem}`);
  return entries;
}

function parseLines(path: string, data: Buffer): unknown[] {
  const text = data.toString("utf8");
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, i) => {
    try {
      return JSON.parse(line);
    } catch {
      throw bad(`${path} line ${i + 1} is not valid JSON`);
    }
  });
}

/**
 * Reads and checks an export archive before anything is written: the manifest must parse,
 * every listed file must be there with the listed sha256 and row count, and nothing else
 * may be in the archive. Each failure names the file.
 */
export async function readArchive(file: string, label = "The archive"): Promise<ParsedArchive> {
  const entries = await readEntries(file, label);
  const rawManifest = entries.get(MANIFEST_FILE);
  if (!rawManifest) throw bad(`${MANIFEST_FILE} is missing from ${label.toLowerCase()}`);
  let manifest: Manifest;
  try {
    manifest = ZManifest.parse(JSON.parse(rawManifest.toString("utf8")));
  } catch (error) {
    const detail =
      error instanceof SyntaxError ? "not valid JSON" : "not an Omnify export manifest";
    throw bad(`${MANIFEST_FILE} is ${detail}`);
  }
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((f) => f.path)]);
  for (const path of entries.keys()) {
    if (!listed.has(path)) throw bad(`${path} is in the archive but not in ${MANIFEST_FILE}`);
  }
  const parsed = new Map<string, unknown[]>();
  for (const entry of manifest.files) {
    const data = entries.get(entry.path);
    if (!data) throw bad(`${entry.path} is listed in ${MANIFEST_FILE} but missing`);
    const digest = createHash("sha256").update(data).digest("hex");
    if (digest !== entry.sha256 || data.length !== entry.bytes) {
      throw bad(`${entry.path} is corrupted: its sha256 does not match ${MANIFEST_FILE}`);
    }
    const rows = parseLines(entry.path, data);
    if (entry.rows !== undefined && rows.length !== entry.rows) {
      throw bad(`${entry.path} has ${rows.length} rows, ${MANIFEST_FILE} says ${entry.rows}`);
    }
    parsed.set(entry.path, rows);
  }
  const tenant = ZExportedTenant.safeParse(parsed.get(TENANT_FILE)?.[0]);
  if (!tenant.success) throw bad(`${TENANT_FILE} is missing or malformed`);
  const users = (parsed.get(USERS_FILE) ?? []).map((u, i) => {
    const user = ZExportedUser.safeParse(u);
    if (!user.success) throw bad(`${USERS_FILE} line ${i + 1} is malformed`);
    return user.data;
  });
  const rowsOf = (names: string[], file: (table: string) => string) => {
    const out = new Map<string, Row[]>();
    for (const name of names) {
      const rows = parsed.get(file(name));
      if (!rows) throw bad(`${file(name)} is listed in ${MANIFEST_FILE} but missing`);
      if (rows.some((r) => typeof r !== "object" || r === null || Array.isArray(r))) {
        throw bad(`${file(name)} holds something other than row objects`);
      }
      out.set(name, rows as Row[]);
    }
    return out;
  };
  const tables = rowsOf(Object.keys(manifest.tables), tableFile);
  const plugins = new Map<string, Map<string, Row[]>>();
  for (const [pluginId, section] of Object.entries(manifest.plugins)) {
    plugins.set(
      pluginId,
      rowsOf(Object.keys(section.tables), (t) => pluginTableFile(pluginId, t)),
    );
  }
  return { manifest, tenant: tenant.data, users, tables, plugins };
}
