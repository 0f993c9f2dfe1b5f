/**
 * `laut serve` as users start it: the built command in a child process, on a free port. The demo
 * archive is ingested from examples/, served, and removed again on SIGTERM.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let child: ChildProcess | null = null;

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` may not have
  if (!existsSync(`${ROOT}dist/cli/serve.js`))
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
}, 120_000);

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = null;
});

interface Started {
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `laut serve …` and waits for the line with its address. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const proc = spawn(process.execPath, ["bin/laut.js", "serve", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, LAUT_DEBUG: "", LAUT_TOKEN: "", ...env },
  });
  child = proc;
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  proc.stderr.on("data", (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /at (http:\/\/\S+\/) /.exec(out)?.[1];
      if (url) resolve({ url, stdout: () => out, stderr: () => err, exited });
    });
    exited.then((code) => reject(new Error(`laut serve exited with ${code}: ${err}`)));
  });
}

describe("laut serve", () => {
  it("--demo serves the example articles on 127.0.0.1 and cleans up on SIGTERM", async () => {
    const server = await serve(["--demo"]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.stderr()).toMatch(/demo archive: 3 example articles ingested/);
    const info = (await (await fetch(`${server.url}api/info`)).json()) as {
      archive: { articles: number; quotes: number };
      writes: string;
    };
    expect(info.archive.articles).toBe(3);
    expect(info.archive.quotes).toBeGreaterThan(10);
    expect(info.writes).toBe("open");
    const articles = (await (await fetch(`${server.url}api/articles`)).json()) as {
      items: { title: string }[];
    };
    expect(articles.items.map((a) => a.title)).toContain(
      "Grippewelle bringt Berner Spitäler an ihre Grenzen",
    );
    const page = await fetch(`${server.url}artikel/1`);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);

    const archive = /serving (\S+) at/.exec(server.stdout())?.[1] ?? "";
    expect(existsSync(archive)).toBe(true);
    child?.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(existsSync(archive)).toBe(false);
  });

  it("disables adding articles beyond this machine without a token, and requires it with one", async () => {
    const open = await serve(["--demo", "--host", "0.0.0.0"]);
    expect(open.stderr()).toMatch(/adding articles is disabled/);
    const info = (await (await fetch(`${open.url}api/info`)).json()) as { writes: string };
    expect(info.writes).toBe("closed");
    child?.kill("SIGTERM");
    await open.exited;

    const guarded = await serve(["--demo", "--host", "0.0.0.0"], { LAUT_TOKEN: "geheim" });
    const response = await fetch(`${guarded.url}api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Ein Text." }),
    });
    expect(response.status).toBe(401);
    child?.kill("SIGTERM");
    await guarded.exited;
  });

  it("fails with one line and exit code 2 when the port is taken", async () => {
    const first = await serve(["--demo"]);
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, ["bin/laut.js", "serve", "--port", port, "--db", ":memory:"], {
      cwd: ROOT,
    });
    let err = "";
    second.stderr.on("data", (chunk) => {
      err += chunk;
    });
    const code = await new Promise<number | null>((resolve) => second.on("exit", resolve));
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^laut: cannot listen on 127\.0\.0\.1:\d+: port \d+ is in use .*\[E_USAGE\]$/m);
  });
});
