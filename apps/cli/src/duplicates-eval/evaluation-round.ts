import { Send } from '../in-process-api';
import { Pair, pair, PairKind } from './labelled-pairs';

interface FlagRow {
  id: string;
  kind: string;
  needId: string;
  planId?: string;
  otherNeedId?: string;
  reasons: string[];
}

/** The detector's open flags (need↔plan and need↔need) once it has seen `position`, with their reasons. */
export async function openFlags(send: Send, position: number): Promise<Map<string, { id: string; pair: Pair; reasons: string[] }>> {
  const flags = new Map<string, { id: string; pair: Pair; reasons: string[] }>();
  let cursor: string | undefined;
  do {
    const response = await send('GET', `/duplicate-flags?status=open&limit=200&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`);
    if (response.status !== 200) throw new Error(`listing flags failed with ${response.status}: ${response.body}`);
    const page = JSON.parse(response.body) as { items: FlagRow[]; nextCursor?: string };
    for (const f of page.items) {
      if (f.kind !== 'need-plan' && f.kind !== 'need-need') continue;
      const p = pair(f.kind as PairKind, f.needId, (f.planId ?? f.otherNeedId)!);
      flags.set(p.key, { id: f.id, pair: p, reasons: f.reasons });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return flags;
}

/** The detector's reasons for a pair it did not flag (through GET /duplicate-flags/explanation). */
export async function explain(send: Send, p: Pair, position: number): Promise<string[]> {
  const response = await send('GET', `/duplicate-flags/explanation?kind=${p.kind}&needId=${p.needId}&otherId=${p.otherId}&minPosition=${position}`);
  if (response.status === 404) return ['the detector does not know one of the two items'];
  if (response.status !== 200) throw new Error(`explaining a pair failed with ${response.status}: ${response.body}`);
  return (JSON.parse(response.body) as { reasons: string[] }).reasons;
}

/**
 * Resolves the reviewed pairs as a reviewer would, through the command API: a labelled pair
 * that is flagged is resolved `duplicate`, one that is not is reported as a missed duplicate,
 * and a flagged pair that is not labelled is resolved `not-duplicate`. Returns the last
 * position written and how many decisions were refused (a labelled pair the detector cannot
 * take as a candidate).
 */
export async function review(
  send: Send,
  position: number,
  reviewed: { labelled: Pair[]; flagged: Map<string, { id: string; pair: Pair }> },
): Promise<{ position: number; decisions: number; refused: number }> {
  let last = position;
  let decisions = 0;
  let refused = 0;
  const post = async (url: string, body: object) => {
    const response = await send('POST', url, body);
    if (response.status === 422) return void (refused += 1);
    if (response.status !== 200) throw new Error(`POST ${url} was refused with ${response.status}: ${response.body}`);
    decisions += 1;
    last = Math.max(last, Number(JSON.parse(response.body).position));
  };
  const labelledKeys = new Set(reviewed.labelled.map((p) => p.key));
  for (const p of [...reviewed.labelled].sort((x, y) => (x.key < y.key ? -1 : 1))) {
    const flag = reviewed.flagged.get(p.key);
    if (flag) await post(`/duplicate-flags/${flag.id}/resolution`, { decision: 'duplicate', note: 'evaluation: labelled duplicate' });
    else await post('/duplicate-flags/reports', { kind: p.kind, needId: p.needId, otherId: p.otherId, note: 'evaluation: labelled duplicate the detector missed' });
  }
  for (const [key, flag] of [...reviewed.flagged.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (!labelledKeys.has(key)) await post(`/duplicate-flags/${flag.id}/resolution`, { decision: 'not-duplicate', note: 'evaluation: not labelled' });
  }
  return { position: last, decisions, refused };
}
