/**
 * The API's own reference page at /docs, rendered on the server from the generated OpenAPI
 * document (so it cannot drift from the routes), with a small script (/docs.js) that lets each
 * operation be tried in place. Nothing is loaded from elsewhere.
 */
import { ERROR_CODES, type ErrorCode } from "../errors.js";
import { API_ERROR_CODES, type ProblemCode, STATUS_OF_ERROR, statusOf } from "./problem.js";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string | string[]; enum?: unknown[]; maximum?: number; maxLength?: number };
}

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const idOf = (method: string, path: string) =>
  `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-$/, "");

function parameterRow(p: Parameter): string {
  const schema = p.schema ?? {};
  const type = schema.enum ? schema.enum.join(" | ") : [schema.type ?? ""].flat().join(" | ");
  return `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? " *" : ""}</td><td>${escapeHtml(p.in)}</td><td>${escapeHtml(type)}</td><td>${escapeHtml(p.description ?? "")}</td></tr>`;
}

function tryForm(method: string, path: string, op: Operation): string {
  const inputs = (op.parameters ?? [])
    .map(
      (p) =>
        `<label>${escapeHtml(p.name)} <input name="${escapeHtml(p.name)}" data-in="${escapeHtml(p.in)}"${p.required ? " required" : ""}></label>`,
    )
    .join(" ");
  const body = op.requestBody
    ? `<label class="body">JSON body <textarea name="__body" rows="5" spellcheck="false">{"text": "Die Stadt plant neue Radwege, sagte Bürgermeisterin Anna Vogt."}</textarea></label>`
    : "";
  const token = op.security?.length ? `<label>token <input name="__token" type="password"></label>` : "";
  return `<form class="try" data-method="${method.toUpperCase()}" data-path="${escapeHtml(path)}">${inputs}${token}${body}<button>Send</button><output></output></form>`;
}

function operationSection(method: string, path: string, op: Operation): string {
  const params = op.parameters?.length
    ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>${op.parameters.map(parameterRow).join("")}</tbody></table>`
    : "";
  const bodyRef = Object.values(op.requestBody?.content ?? {})[0]?.schema?.$ref;
  const body = bodyRef
    ? `<p>Body: <code>${escapeHtml(bodyRef.split("/").at(-1) ?? "")}</code> (JSON)</p>`
    : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? "")}</li>`)
    .join("");
  const auth = op.security?.length
    ? `<p class="auth">Needs <code>Authorization: Bearer &lt;token&gt;</code> when the server has a token.</p>`
    : "";
  return `<section id="${idOf(method, path)}"><h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3><p>${escapeHtml(op.summary ?? "")}</p>${auth}${params}${body}<ul class="responses">${responses}</ul>${tryForm(method, path, op)}</section>`;
}

function errorTable(): string {
  const codes = [...Object.keys(STATUS_OF_ERROR), ...Object.keys(API_ERROR_CODES)] as ProblemCode[];
  const summary = (code: ProblemCode) =>
    code in API_ERROR_CODES
      ? API_ERROR_CODES[code as keyof typeof API_ERROR_CODES].summary
      : ERROR_CODES[code as ErrorCode].summary;
  return `<table><thead><tr><th>code</th><th>HTTP</th><th>meaning</th></tr></thead><tbody>${codes
    .map(
      (code) =>
        `<tr id="${code}"><td><code>${code}</code></td><td>${statusOf(code)}</td><td>${escapeHtml(summary(code))}</td></tr>`,
    )
    .join("")}</tbody></table>`;
}

export function docsPage(document: object): string {
  const doc = document as OpenApiDocument;
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      sections.push(operationSection(method, path, op));
      toc.push(
        `<li><a href="#${idOf(method, path)}"><span class="method">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
      );
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} API ${escapeHtml(doc.info.version)}</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
a{color:#0b57a4}:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
section{background:#fff;border:1px solid #d6d9de;border-radius:6px;padding:.5rem 1rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:3.5rem;font:600 .8rem/1.6 ui-monospace,monospace;color:#fff;background:#37474f;border-radius:3px;text-align:center;padding:0 .3rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;border-bottom:1px solid #e3e5e8;padding:.25rem .5rem;vertical-align:top}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.try{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-top:.5rem}.try label{display:flex;flex-direction:column;font-size:.85rem}
.try .body{flex-basis:100%}.try textarea{font:inherit;font-family:ui-monospace,monospace}
.try output{flex-basis:100%;white-space:pre-wrap;font:.8rem/1.4 ui-monospace,monospace;max-height:20rem;overflow:auto;background:#f3f4f6}
button{font:inherit;padding:.25rem 1rem}
</style></head><body>
<a class="skip" href="#main">Skip to content</a>
<main id="main">
<h1>${escapeHtml(doc.info.title)} API <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Lists are pages: pass the answer's <code>next</code> as <code>cursor</code> for the next one. <a href="/">Back to the archive</a>.</p>
<nav aria-label="Operations"><ul>${toc.join("")}</ul></nav>
<h2>Operations</h2>
${sections.join("\n")}
<h2 id="errors">Error codes</h2>
<p>Every error is an <code>application/problem+json</code> document with <code>status</code>, <code>title</code>, <code>detail</code> and one of these <code>code</code>s; the command line uses the same codes.</p>
${errorTable()}
</main><script src="/docs.js" defer></script></body></html>`;
}

/** "Send" on an operation: fill the path, add the query, show the answer. */
export const docsScript = `for (const form of document.querySelectorAll("form.try")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const out = form.querySelector("output");
    let path = form.dataset.path;
    const query = new URLSearchParams();
    const headers = {};
    for (const input of form.querySelectorAll("input")) {
      if (input.name === "__token") { if (input.value) headers.authorization = "Bearer " + input.value; continue; }
      if (!input.value) continue;
      if (input.dataset.in === "path") path = path.replace("{" + input.name + "}", encodeURIComponent(input.value));
      else query.set(input.name, input.value);
    }
    const body = form.querySelector("textarea");
    const init = { method: form.dataset.method, headers };
    if (body) { init.body = body.value; headers["content-type"] = "application/json"; }
    const url = path + (query.size ? "?" + query : "");
    out.textContent = "…";
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      out.textContent = response.status + " " + url + "\\n" + shown.slice(0, 20000);
    } catch (error) { out.textContent = String(error); }
  });
}
`;
