import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';

/** The HTTP bench's program: pairings pair-0 … pair-24 (communities isr-N and glob-N), set up before the load starts. */
export const PAIRINGS = 25;

/** The mixed scenario's earlier history (fillStore) uses ids with this prefix: history-pair-0 … */
export const HISTORY_PREFIX = 'history-';

/** Sets the program's 25 pairings up through the API, as the HTTP scenario does. */
export async function setUpPairings(post: (path: string, body: unknown, key: string) => Promise<Response>, key: string): Promise<void> {
  for (let i = 0; i < PAIRINGS; i += 1) {
    for (const [path, body] of [
      ['/communities', { ...kfarAza, id: `isr-${i}`, name: `Community ${i}`, aliases: [] }],
      ['/communities', { ...boston, id: `glob-${i}`, name: `Partner ${i}` }],
      ['/pairings', { ...kfarAzaBoston, id: `pair-${i}`, israeliCommunityId: `isr-${i}`, globalCommunityId: `glob-${i}` }],
    ] as const) {
      const response = await post(path, body, key);
      if (response.status >= 300) throw new Error(`setting the program up: ${path} answered ${response.status} ${await response.text()}`);
    }
  }
}
