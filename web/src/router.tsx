/**
 * Routing in the browser with the History API: real paths (/artikel/12), so links can be opened
 * in a new tab, shared and bookmarked; the server answers every non-API path with the UI.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

export interface Location {
  path: string;
  query: URLSearchParams;
}

const current = (): Location => ({ path: location.pathname, query: new URLSearchParams(location.search) });

let navigated = false;

/**
 * Whether the user moved within the UI since it loaded: only then does a new page's heading take
 * focus (on first load the browser's own order applies, skip link first).
 */
export const hasNavigated = (): boolean => navigated;

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  navigated = true;
  if (options.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  dispatchEvent(new Event("laut:navigate"));
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    const back = () => {
      navigated = true;
      update();
    };
    addEventListener("popstate", back);
    addEventListener("laut:navigate", update);
    return () => {
      removeEventListener("popstate", back);
      removeEventListener("laut:navigate", update);
    };
  }, []);
  return loc;
}

interface LinkProps {
  href: string;
  children?: ComponentChildren;
  class?: string;
  lang?: string;
  "aria-label"?: string;
  "aria-current"?: "page";
}

/** An ordinary link that the UI follows itself; modified clicks (new tab, …) stay the browser's. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    scrollTo(0, 0);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

/** /artikel/:id against /artikel/12 → {id: "12"}, or null */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.replace(/\/+$/, "").split("/");
  if (path === "/" && pattern === "/") return {};
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(":")) {
      if (!g) return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}
