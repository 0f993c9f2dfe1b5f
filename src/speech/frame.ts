/**
 * The frame of a quote: what its sentence says around the message ("Die Kanadier hingegen
 * sagen,", ", begründet das Gericht seine Entscheidung"). It holds the speaker and the cue and
 * places the quote for the reader; the WikiNews annotation marks it as its own role.
 */
import type { Sentence, Span } from "../doc.js";
import type { Words } from "./phrases.js";

const FINAL = ".!?…";

/** Token runs of the sentence outside the message spans, without the sentence's final punctuation. */
export function frameOf(w: Words, sentence: Sentence, message: readonly Span[]): Span[] {
  let end = sentence.endToken;
  while (end > sentence.firstToken && w.isPunct(end - 1, FINAL)) end--;
  const parts: Span[] = [];
  let runStart = -1;
  for (let t = sentence.firstToken; t <= end; t++) {
    const inMessage = t < end && message.some((m) => w.start(t) >= m.start && w.end(t) <= m.end);
    if (t < end && !inMessage) {
      if (runStart < 0) runStart = t;
      continue;
    }
    if (runStart >= 0) {
      parts.push({ start: w.start(runStart), end: w.end(t - 1) });
      runStart = -1;
    }
  }
  return parts;
}
