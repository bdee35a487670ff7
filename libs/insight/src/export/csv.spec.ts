import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and writes numbers and instants plainly', () => {
    expect(
      toCsv(
        [
          { header: 'name', value: (r: { n: string; v: number }) => r.n },
          { header: 'v', value: (r) => r.v },
        ],
        [{ n: 'a, "b"', v: -3 }],
      ),
    ).toBe('name,v\r\n"a, ""b""",-3\r\n');
    expect(csvCell(new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-22T10:00:00.000Z');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+31')).toBe("'+31");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
