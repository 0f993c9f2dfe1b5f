/**
 * Where the shared training and evaluation data lives: $LAUT_SHARED, else the `shared` folder
 * beside the repository (the same from src/ and dist/, and from any worktree next to it).
 */
import { fileURLToPath } from "node:url";

export function sharedDir(): string {
  return process.env.LAUT_SHARED ?? fileURLToPath(new URL("../../../../shared/", import.meta.url));
}

export interface NerDataFiles {
  dev: string;
  testA: string;
  ler: string[];
  europeana: string[];
}

export function nerDataFiles(root = sharedDir()): NerDataFiles {
  const ner = `${root.replace(/\/$/, "")}/data/ner/`;
  return {
    dev: `${ner}germeval2014/NER-de-dev.tsv`,
    testA: `${ner}germeval2014/NER-de-test-a.tsv`,
    ler: [`${ner}ler/ler_dev.conll`, `${ner}ler/ler_test.conll`],
    europeana: ["lft", "onb", "sbb"].map((f) => `${ner}europeana/enp_DE.${f}.bio`),
  };
}
