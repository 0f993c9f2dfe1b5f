/**
 * Binding the app to a port: one function for `laut serve` and the browser tests, so both run
 * the same server. Listening errors (port taken, address not on this machine) become LautErrors.
 */
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { LautError } from "../errors.js";

export interface RunningServer {
  /** http://host:port/ as a browser on this machine reaches it */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** 127.0.0.1, ::1 and localhost: a server on these is reachable from this machine only */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

export function startServer(app: FetchApp, options: { host: string; port: number }): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: (request) => app.fetch(request), hostname: options.host });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? `port ${options.port} is in use (choose another with --port)`
          : error.code === "EADDRNOTAVAIL"
            ? `${options.host} is not an address of this machine`
            : error.code === "EACCES"
              ? `port ${options.port} needs privileges (use one above 1023)`
              : error.message;
      reject(new LautError("E_USAGE", `cannot listen on ${options.host}:${options.port}: ${why}`));
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const shown = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
      const host = shown.includes(":") ? `[${shown}]` : shown;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // keep-alive connections would hold close() open
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}
