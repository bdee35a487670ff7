import { describe, expect, it } from '@jest/globals';
import { type ActionDraft, EMPTY_OUTLINE, toActionInput } from './action-draft';

const DRAFT: ActionDraft = {
  regionCode: 'RR',
  startsAt: '2026-12-08T06:00',
  endsAt: '2026-12-09T06:00',
  onBehalfOf: 'AVIM',
  onBehalfOfOrganisation: ' avim-rotterdam ',
  expected: [{ count: '6', gender: 'FEMALE', minor: false, exploitationTypes: ['SEXUAL'] }],
};

describe('a planned action as the form sends it (003:493-496)', () => {
  it('sends the window as moments and each outline with its count', () => {
    const input = toActionInput(DRAFT)!;
    expect(input).toMatchObject({
      regionCode: 'RR',
      onBehalfOf: 'AVIM',
      onBehalfOfOrganisation: 'avim-rotterdam',
      expected: [{ count: 6, gender: 'FEMALE', minor: false, exploitationTypes: ['SEXUAL'] }],
    });
    expect(new Date(input.startsAt as string).getTime()).toBe(new Date('2026-12-08T06:00').getTime());
  });

  it('sends nothing while an outline lacks its gender, exploitation or a whole count', () => {
    expect(toActionInput({ ...DRAFT, expected: [EMPTY_OUTLINE] })).toBeNull();
    expect(toActionInput({ ...DRAFT, expected: [{ ...DRAFT.expected[0], count: '2,5' }] })).toBeNull();
    expect(toActionInput({ ...DRAFT, onBehalfOfOrganisation: ' ' })).toBeNull();
    expect(toActionInput({ ...DRAFT, startsAt: '' })).toBeNull();
  });
});
