import { newContext } from '../../testing/factories';
import { ExclusionCode, PASS } from '../exclusion';
import { childrenRule } from './children.rule';

describe('childrenRule (only facilities that take children; domain.md:53)', () => {
  it('passes without children', () => {
    expect(childrenRule(newContext({ accompanyingChildren: 0 }, { eligibility: { acceptsChildren: false } }))).toEqual(PASS);
    expect(childrenRule(newContext({ accompanyingChildren: null }, { eligibility: { acceptsChildren: false } }))).toEqual(PASS);
  });
  it('passes with children where children are taken', () => {
    expect(childrenRule(newContext({ accompanyingChildren: 2 }, { eligibility: { acceptsChildren: true } }))).toEqual(PASS);
  });
  it('fails CHILDREN where they are not', () => {
    expect(childrenRule(newContext({ accompanyingChildren: 1 }, { eligibility: { acceptsChildren: false } }))).toMatchObject({
      code: ExclusionCode.CHILDREN,
    });
  });
});
