/**
 * Walking a folder of news: every file below it, depth first, names sorted by code unit so two
 * runs (and two machines) visit the same files in the same order. Hidden files and folders,
 * images, scripts, stylesheets and licence files are passed over; files with an unfamiliar
 * name are taken only when their first bytes look like a page or a feed.
 */
import type { Dirent } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { isArticleName, SNIFF_BYTES, sniffKind } from "./kind.js";

/** Extensions of files that are never articles, skipped without opening them. */
const NOT_ARTICLES = new Set([
  ".json",
  ".csv",
  ".tsv",
  ".css",
  ".js",
  ".mjs",
  ".map",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".svg",
  ".ico",
  ".bmp",
  ".tif",
  ".tiff",
  ".avif",
  ".pdf",
  ".zip",
  ".tar",
  ".tgz",
  ".bz2",
  ".xz",
  ".7z",
  ".rar",
  ".mp3",
  ".mp4",
  ".m4a",
  ".ogg",
  ".wav",
  ".webm",
  ".mov",
  ".woff",
  ".woff2",
  ".ttf",
  ".otf",
  ".eot",
  ".exe",
  ".dll",
  ".so",
  ".bin",
  ".db",
  ".sqlite",
  ".cdx",
  ".idx",
  ".lock",
  ".log",
  ".md",
  ".yml",
  ".yaml",
  ".toml",
  ".ini",
  ".py",
  ".ts",
  ".sh",
]);
/** Names of files that travel with a corpus but are not part of it (LICENSE, README.txt). */
const PAPERWORK = /^(?:licen[cs]e|readme|copying|changelog|authors|notice)(?:[._-]|$)/i;

const byCodeUnit = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function headOf(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Is this file (by name, else by its first bytes) something the sources read? */
async function isArticleFile(path: string, name: string): Promise<boolean> {
  if (PAPERWORK.test(name)) return false;
  if (isArticleName(name)) return true;
  const extension = extname(name).toLowerCase();
  if (NOT_ARTICLES.has(extension) || extension === ".gz") return false;
  let head: Uint8Array;
  try {
    head = await headOf(path);
  } catch {
    // unreadable: taken, so that reading it reports why instead of skipping it silently
    return true;
  }
  // sniffed without the name, so ".xml" alone does not make a sitemap a feed
  const kind = sniffKind(head, null);
  return kind === "html" || kind === "feed" || (kind === "text" && extension === "" && head.length > 0);
}

/** The files below `dir` that the sources read, in a stable order. */
export async function* walkArticleFiles(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort(byCodeUnit);
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    let isFile = entry.isFile();
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // linked folders are not followed: a link to an ancestor would never end
      const target = await stat(path).catch(() => null);
      isFile = target?.isFile() ?? false;
      isDirectory = false;
    }
    if (isDirectory) yield* walkArticleFiles(path);
    else if (isFile && (await isArticleFile(path, entry.name))) yield path;
  }
}
