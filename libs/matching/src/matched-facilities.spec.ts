import type { LoadedFacility } from '@opvangplek/registry';
import { MatchedFacilities } from './matched-facilities';

const row = (id: string) => ({ id, name: `facility ${id}` }) as unknown as LoadedFacility;

describe('MatchedFacilities (issue 16: a match builds only the rows its decision reads)', () => {
  function lookup(ids: string[]) {
    const built: string[] = [];
    const map = new MatchedFacilities(ids, (id) => {
      built.push(id);
      return row(id);
    });
    return { map, built };
  }

  it('builds a row when it is asked for, once, and none for has or size', () => {
    const { map, built } = lookup(['a', 'b', 'c']);
    expect(map.has('b')).toBe(true);
    expect(map.has('x')).toBe(false);
    expect(map.size).toBe(3);
    expect(built).toEqual([]);
    expect(map.get('b')).toEqual(row('b'));
    expect(map.get('b')).toBe(map.get('b'));
    expect(map.get('x')).toBeUndefined();
    expect(built).toEqual(['b']);
  });

  it('iterates every row, as a Map built at once would, and a row set replaces the one to build', () => {
    const { map, built } = lookup(['a', 'b', 'c']);
    map.get('c');
    map.set('a', { ...row('a'), name: 'held' } as LoadedFacility);
    expect(new Map(map)).toEqual(
      new Map([
        ['c', row('c')],
        ['a', { ...row('a'), name: 'held' }],
        ['b', row('b')],
      ]),
    );
    expect([...map.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...map.values()]).toHaveLength(3);
    expect(map.size).toBe(3);
    expect(built.sort()).toEqual(['b', 'c']);
  });

  it('deletes and clears rows whether built or not', () => {
    const { map, built } = lookup(['a', 'b']);
    map.get('a');
    expect(map.delete('a')).toBe(true);
    expect(map.delete('b')).toBe(true);
    expect(map.delete('b')).toBe(false);
    expect(map.size).toBe(0);
    expect([...map]).toEqual([]);
    expect(built).toEqual(['a']);
    const other = lookup(['x']).map;
    other.clear();
    expect(other.size).toBe(0);
    expect(other.has('x')).toBe(false);
  });
});
