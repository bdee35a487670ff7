/**
 * A server whose English sentences changed, for the browser specs that prove the console's words
 * come from the API's codes: the stored history notes are rewritten (sealed as the app seals
 * them; codes and values stay), and the match reasons in the page's GraphQL answers are replaced.
 */
import { NOTE_CIPHER, type NoteCipher } from '@opvangplek/platform/crypto/note-cipher';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';

export const REWORDED = 'the server words this differently now';

/** Every English note of `requestId`'s history that has a code becomes `REWORDED`. */
export async function rewordNotes(api: TestApp, database: TestDatabase, requestId: string): Promise<number> {
  const sealed = api.app.get<NoteCipher>(NOTE_CIPHER).seal(REWORDED);
  const [, count] = await database.dataSource.query(
    `UPDATE placement_events SET note = $2 WHERE request_id = $1 AND note_code IS NOT NULL`,
    [requestId, sealed],
  );
  return count as number;
}

/** Every match reason sentence (`reasons: [String!]!`) in the page's GraphQL answers becomes `REWORDED`. */
export async function rewordMatchReasons(page: Page): Promise<void> {
  const reword = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(reword);
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if ('reasonCodes' in node && Array.isArray(node.reasons)) node.reasons = node.reasons.map(() => REWORDED);
    Object.values(node).forEach(reword);
  };
  await page.route('**/graphql', async (route) => {
    const response = await route.fetch();
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return route.fulfill({ response });
    }
    reword(json);
    await route.fulfill({ response, json });
  });
}
