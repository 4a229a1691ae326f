import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** A WordNet synset as far as expanding a concept goes: its lemmas and its pointers. */
export interface Synset {
  offset: number;
  lemmas: string[];
  pointers: { symbol: string; offset: number; pos: string }[];
}

/**
 * Reads WordNet's dict files (index.noun, data.noun in the Princeton format) from a directory:
 * the index once, data lines on demand by their byte offset (that is what an offset is), so
 * only the synsets asked for are parsed.
 */
export class WordNetReader {
  private readonly index = new Map<string, number[]>();
  private readonly fd: number;

  constructor(dictDir: string) {
    for (const line of readFileSync(join(dictDir, 'index.noun'), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue; // the licence header lines start with two spaces
      const fields = line.trim().split(' ');
      const synsetCount = Number(fields[2]);
      this.index.set(fields[0], fields.slice(fields.length - synsetCount).map(Number));
    }
    this.fd = openSync(join(dictDir, 'data.noun'), 'r');
  }

  /** The noun senses of a lemma ("swimming_pool"), most frequent first. */
  senses(lemma: string): number[] {
    return this.index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? [];
  }

  synset(offset: number): Synset {
    const buffer = Buffer.alloc(8192);
    const read = readSync(this.fd, buffer, 0, buffer.length, offset);
    const line = buffer.toString('latin1', 0, read).split('\n')[0];
    const fields = line.split(' | ')[0].split(' ');
    const wordCount = parseInt(fields[3], 16);
    const lemmas = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i].replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const pointers = Array.from({ length: pointerCount }, () => {
      const pointer = { symbol: fields[at], offset: Number(fields[at + 1]), pos: fields[at + 2] };
      at += 4;
      return pointer;
    });
    return { offset, lemmas, pointers };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The lemmas a sense stands for: its synonyms and those of its hyponyms (kinds of it, "~" and
 * "~i") down to `depth` levels, and with `parts` its part meronyms ("%p": a general term meets
 * a list of its parts).
 */
export function expandSense(reader: WordNetReader, spec: string): string[] {
  const match = /^(.+)\.n\.(\d+)(?:\/(\d+))?(\+parts)?$/.exec(spec);
  if (!match) throw new Error(`"${spec}" is not a WordNet sense (lemma.n.K, optionally /depth and +parts)`);
  const [, lemma, sense, depthText, parts] = match;
  const offset = reader.senses(lemma)[Number(sense) - 1];
  if (offset === undefined) throw new Error(`WordNet has no noun sense ${sense} of "${lemma}"`);
  const depth = depthText === undefined ? 1 : Number(depthText);
  const lemmas = new Set<string>();
  const visit = (at: number, level: number, withParts: boolean) => {
    const synset = reader.synset(at);
    synset.lemmas.forEach((l) => lemmas.add(l));
    for (const pointer of synset.pointers) {
      if (pointer.pos !== 'n') continue;
      if ((pointer.symbol === '~' || pointer.symbol === '~i') && level < depth) visit(pointer.offset, level + 1, false);
      if (pointer.symbol === '%p' && withParts) visit(pointer.offset, depth, false);
    }
  };
  visit(offset, 0, parts !== undefined);
  return [...lemmas].sort();
}
