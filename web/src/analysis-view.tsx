/**
 * An analysed text as a newsroom reads it: the article with every quote tinted in its speaker's
 * colour (direct quotes filled, indirect ones lighter with a dashed line, reported speech only
 * dotted), speakers boxed, cues underlined; beside it the speaker legend and the list of quotes.
 * Choosing a quote in the list (keyboard or mouse) marks it in the text, and the other way round.
 */
import { type ComponentChildren, Fragment } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Analysis } from "./api.js";
import { formatConfidence, QUOTE_TYPE_LABEL, quoteStyle } from "./format.js";
import { type Block, type Highlighting, highlight, type Piece } from "./highlight.js";
import { hasNavigated, Link } from "./router.js";

export interface AnalysisViewProps {
  analysis: Analysis;
  /** the page heading when the text has no title line */
  fallbackTitle?: string | null;
  /** above the text: date, site, links */
  meta?: ComponentChildren;
  /** speaker pages exist (archived articles), so names link to them */
  linkSpeakers?: boolean;
  /** inside a page that has its own h1: the text's title becomes an h2 */
  nested?: boolean;
  /** a quote to mark at once ("q3", from a link to /artikel/12#q3) */
  initialQuote?: string | null;
}

const BLOCK_TAG = { title: "h1", heading: "h2", lead: "p", body: "p" } as const;
const NESTED_BLOCK_TAG = { title: "h2", heading: "h3", lead: "p", body: "p" } as const;

export function AnalysisView({
  analysis,
  fallbackTitle,
  meta,
  linkSpeakers,
  nested,
  initialQuote,
}: AnalysisViewProps) {
  const hl = useMemo(() => highlight(analysis), [analysis]);
  const [selected, setSelected] = useState<number | null>(null);
  const first = analysis.paragraphs[0];
  // a text that repeats its archived title as its first line shows that line as the title once
  const hasTitle =
    first !== undefined &&
    (first.kind === "title" ||
      (fallbackTitle != null && analysis.text.slice(first.start, first.end).trim() === fallbackTitle.trim()));
  const textRef = useRef<HTMLElement>(null);
  // a new text: its heading takes focus, so keyboard and screen-reader users start there (a
  // result the user asked for on this page, or an article reached from another page)
  useEffect(() => {
    if (nested || hasNavigated())
      textRef.current?.querySelector<HTMLElement>("h1, h2")?.focus({ preventScroll: true });
  }, [analysis, nested]);
  useEffect(() => {
    const index = initialQuote ? analysis.quotes.findIndex((q) => q.id === initialQuote) : -1;
    if (index >= 0) select(index, "text");
  }, [analysis, initialQuote]);

  const select = (quote: number, scroll: "text" | "list") => {
    setSelected(quote);
    const target = document.getElementById(scroll === "text" ? `text-q${quote}` : `card-q${quote}`);
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  };

  return (
    <div class="analysis">
      <article class="article-text" lang="de" aria-label="Text mit markierten Zitaten" ref={textRef}>
        {!hasTitle &&
          (nested ? (
            <h2 tabIndex={-1}>{fallbackTitle ?? "Ohne Titel"}</h2>
          ) : (
            <h1 tabIndex={-1}>{fallbackTitle ?? "Ohne Titel"}</h1>
          ))}
        {!hasTitle && meta}
        {hl.blocks.map((block, b) => (
          <Fragment key={block.start}>
            <BlockView
              block={block}
              title={b === 0 && hasTitle}
              nested={nested ?? false}
              analysis={analysis}
              hl={hl}
              selected={selected}
              onSelect={(q) => select(q, "list")}
            />
            {b === 0 && hasTitle && meta}
          </Fragment>
        ))}
      </article>
      <aside class="sidebar" aria-label="Sprecher und Zitate">
        <Legend hl={hl} analysis={analysis} linkSpeakers={linkSpeakers ?? false} />
        <QuoteList
          analysis={analysis}
          hl={hl}
          selected={selected}
          onSelect={(q) => select(q, "text")}
          linkSpeakers={linkSpeakers ?? false}
        />
      </aside>
    </div>
  );
}

interface BlockProps {
  block: Block;
  /** shown as the text's title whatever its paragraph kind */
  title: boolean;
  nested: boolean;
  analysis: Analysis;
  hl: Highlighting;
  selected: number | null;
  onSelect: (quote: number) => void;
}

function BlockView({ block, title, nested, analysis, hl, selected, onSelect }: BlockProps) {
  const Tag = (nested ? NESTED_BLOCK_TAG : BLOCK_TAG)[title ? "title" : block.kind];
  const seen = new Set<number>();
  const children = block.pieces.map((piece) => {
    const firstOfQuote = piece.quote !== null && !seen.has(piece.quote);
    if (piece.quote !== null) seen.add(piece.quote);
    return (
      <PieceView
        key={piece.start}
        piece={piece}
        anchor={firstOfQuote}
        analysis={analysis}
        hl={hl}
        selected={selected}
        onSelect={onSelect}
      />
    );
  });
  // the title takes focus when a new text is shown
  const focusable = title ? -1 : undefined;
  if (Tag === "h1") return <h1 tabIndex={focusable}>{children}</h1>;
  if (Tag === "h2") return <h2 tabIndex={focusable}>{children}</h2>;
  if (Tag === "h3") return <h3>{children}</h3>;
  return <p class={block.kind === "lead" ? "lead" : undefined}>{children}</p>;
}

function PieceView({
  piece,
  anchor,
  analysis,
  hl,
  selected,
  onSelect,
}: {
  piece: Piece;
  anchor: boolean;
  analysis: Analysis;
  hl: Highlighting;
  selected: number | null;
  onSelect: (quote: number) => void;
}) {
  let node: ComponentChildren = analysis.text.slice(piece.start, piece.end);
  if (piece.cueOf !== null) node = <span class="cue">{node}</span>;
  if (piece.speakerOf !== null) {
    node = (
      <span class="spk" style={{ "--c": hl.colours[piece.speakerOf] }}>
        {node}
      </span>
    );
  }
  if (piece.quote === null) return <>{node}</>;
  const q = analysis.quotes[piece.quote];
  if (!q) return <>{node}</>;
  const quote = piece.quote;
  const speaker = q.speaker?.name ?? "nicht zugeordnet";
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the quote list beside the text is the keyboard path to the same action
    <mark
      id={anchor ? `text-q${quote}` : undefined}
      class={`q q-${quoteStyle(q.type)}${selected === quote ? " selected" : ""}`}
      data-quote={q.id}
      style={{ "--c": hl.colours[quote] }}
      title={`${QUOTE_TYPE_LABEL[q.type] ?? q.type} · ${speaker}${q.cue ? ` · ${q.cue.text}` : ""}`}
      onClick={() => onSelect(quote)}
    >
      {node}
    </mark>
  );
}

function Legend({
  hl,
  analysis,
  linkSpeakers,
}: {
  hl: Highlighting;
  analysis: Analysis;
  linkSpeakers: boolean;
}) {
  const unattributed = analysis.quotes.filter((q) => !q.speaker).length;
  return (
    <section class="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Sprecher</h2>
      {hl.speakers.length === 0 && <p class="muted">Keine zugeordneten Zitate.</p>}
      <ul>
        {hl.speakers.map((s) => (
          <li key={s.key} style={{ "--c": s.colour }}>
            <span class="swatch" aria-hidden="true" />
            <span class="legend-name" lang="de">
              {linkSpeakers ? (
                <Link href={`/sprecher/name/${encodeURIComponent(s.name)}`}>{s.name}</Link>
              ) : (
                s.name
              )}
              {s.role && <span class="role">{s.role}</span>}
            </span>
            <span class="count">{s.quotes.length}</span>
          </li>
        ))}
        {unattributed > 0 && (
          <li style={{ "--c": "#8a8f98" }}>
            <span class="swatch" aria-hidden="true" />
            <span class="legend-name">nicht zugeordnet</span>
            <span class="count">{unattributed}</span>
          </li>
        )}
      </ul>
      <p class="key">
        <span class="visually-hidden">Zeichenerklärung: </span>
        <mark class="q q-direct" style={{ "--c": "#56B4E9" }}>
          direkt
        </mark>{" "}
        <mark class="q q-indirect" style={{ "--c": "#56B4E9" }}>
          indirekt
        </mark>{" "}
        <mark class="q q-reported" style={{ "--c": "#56B4E9" }}>
          berichtet
        </mark>{" "}
        <span class="spk" style={{ "--c": "#56B4E9" }}>
          Sprecher
        </span>{" "}
        <span class="cue">Verb</span>
      </p>
    </section>
  );
}

function QuoteList({
  analysis,
  hl,
  selected,
  onSelect,
  linkSpeakers,
}: {
  analysis: Analysis;
  hl: Highlighting;
  selected: number | null;
  onSelect: (quote: number) => void;
  linkSpeakers: boolean;
}) {
  // in text order: the list reads like the article
  const order = analysis.quotes
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (a.q.spans[0]?.start ?? 0) - (b.q.spans[0]?.start ?? 0));
  return (
    <section class="quotes" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">Zitate ({analysis.quotes.length})</h2>
      <ol>
        {order.map(({ q, i }) => (
          <li
            key={q.id}
            id={`card-q${i}`}
            class={`quote-card${selected === i ? " selected" : ""}`}
            style={{ "--c": hl.colours[i] }}
          >
            <button
              type="button"
              class="quote-select"
              aria-pressed={selected === i}
              onClick={() => onSelect(i)}
            >
              <span class={`badge badge-${quoteStyle(q.type)}`}>{QUOTE_TYPE_LABEL[q.type] ?? q.type}</span>
              <span class="quote-text" lang="de">
                {q.text}
              </span>
            </button>
            <p class="quote-meta">
              <span class="swatch" aria-hidden="true" />
              {q.speaker ? (
                linkSpeakers ? (
                  <Link href={`/sprecher/name/${encodeURIComponent(q.speaker.name)}`}>{q.speaker.name}</Link>
                ) : (
                  <strong>{q.speaker.name}</strong>
                )
              ) : (
                <em>nicht zugeordnet</em>
              )}
              {q.cue && <span> · „{q.cue.text}“</span>}
              <span class="confidence" title="Sicherheit der Zuordnung">
                {" "}
                · {formatConfidence(q.confidence)}
              </span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
