/**
 * Paste a text (or, when the server fetches, give a URL) and see its analysis at once: the same
 * view as an archived article, from POST /api/analyze; nothing is stored.
 */
import { useState } from "preact/hooks";
import { AnalysisView } from "../analysis-view.js";
import { type Analysis, ApiError, postJson, type ServerInfo } from "../api.js";
import { PageHeading, Status } from "../ui.js";

export function AnalyzePage({ info }: { info: ServerInfo | null }) {
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const canFetch = info?.fetch ?? false;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = String(data.get("text") ?? "");
    const url = String(data.get("url") ?? "").trim();
    const format = String(data.get("format") ?? "text");
    const body = url ? { url } : format === "html" ? { html: text } : { text };
    setBusy(true);
    setError(null);
    try {
      setAnalysis(await postJson<Analysis>("/api/analyze", body));
    } catch (e) {
      setAnalysis(null);
      setError(e instanceof ApiError ? e : new ApiError("Der Server ist nicht erreichbar.", 0, "E_NETWORK"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title="Text analysieren">Text analysieren</PageHeading>
      <form class="analyze-form" onSubmit={onSubmit}>
        <label for="analyze-text">Artikeltext (Titel, Leerzeile, Absätze durch Leerzeilen getrennt)</label>
        <textarea
          id="analyze-text"
          name="text"
          rows={10}
          lang="de"
          spellcheck={false}
          placeholder={
            "Stadt plant neue Radwege\n\n„Wir machen Köln zur Fahrradstadt“, sagte Oberbürgermeisterin Anna Vogt."
          }
        />
        <div class="analyze-options">
          <fieldset>
            <legend>Eingabe ist</legend>
            <label>
              <input type="radio" name="format" value="text" defaultChecked /> Text
            </label>
            <label>
              <input type="radio" name="format" value="html" /> HTML
            </label>
          </fieldset>
          {canFetch && (
            <label class="grow">
              oder Adresse einer Seite
              <input name="url" type="url" maxLength={2000} placeholder="https://…" />
            </label>
          )}
          <button type="submit" disabled={busy}>
            {busy ? "Analysiert …" : "Analysieren"}
          </button>
        </div>
        <p class="muted small">Der Text wird nur analysiert, nicht gespeichert.</p>
      </form>
      <Status loading={busy} error={error} />
      {analysis && (
        <section class="analyze-result" aria-label="Ergebnis">
          <p class="muted" role="status">
            {analysis.quotes.length} Zitate, {analysis.entities.length} Sprecher und Quellen gefunden.
          </p>
          <AnalysisView analysis={analysis} fallbackTitle="Ohne Titel" nested />
        </section>
      )}
    </>
  );
}
