import { Send } from '../in-process-api';
import { LabelledSet } from './labelled-set';

/** Sends every community, pairing, plan and need of the set through the command API, in that order. */
export async function loadLabelledSet(set: LabelledSet, send: Send): Promise<number> {
  let position = 0;
  const post = async (url: string, body: unknown) => {
    const response = await send('POST', url, body);
    if (response.status >= 300) throw new Error(`POST ${url} was refused with ${response.status}: ${response.body}`);
    position = Math.max(position, JSON.parse(response.body).position);
  };
  for (const c of set.communities) {
    // The API wants ISO-3166 codes; sets may say "various" for federations abroad.
    await post('/communities', { ...c, aliases: c.aliases ?? [], country: /^[A-Z]{2}$/.test(c.country) ? c.country : 'ZZ' });
  }
  for (const p of set.pairings) await post('/pairings', p);
  for (const p of set.plans) await post('/plans', p);
  for (const n of set.needs) await post('/needs', n);
  return position;
}
