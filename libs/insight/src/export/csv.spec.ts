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

  describe('for Dutch Excel (excel-nl)', () => {
    type Row = { at: Date; type: string; share: number; hidden: boolean; note: string };
    const columns = [
      { header: 'bucketStart', nl: 'begin', value: (r: Row) => r.at },
      { header: 'type', value: (r: Row) => r.type },
      {
        header: 'kind',
        nl: 'soort',
        excelOnly: true,
        value: (r: Row) => (r.type === 'VROUWENOPVANG' ? 'Vrouwenopvang' : r.type),
      },
      { header: 'share', nl: 'aandeel', value: (r: Row) => r.share },
      { header: 'suppressed', nl: 'onderdrukt', value: (r: Row) => r.hidden },
      { header: 'note', nl: 'toelichting', value: (r: Row) => r.note },
    ];
    const rows: Row[] = [
      { at: new Date('2026-12-04T02:12:00Z'), type: 'VROUWENOPVANG', share: 0.25, hidden: true, note: 'a; b, "c"' },
      { at: new Date('2026-07-01T22:05:00Z'), type: 'COSM', share: 3, hidden: false, note: '=1+1' },
    ];

    it('separates with semicolons, starts with a BOM, and writes Amsterdam times, decimal commas, ja/nee and words', () => {
      expect(toCsv(columns, rows, 'excel-nl')).toBe(
        '\uFEFFbegin;type;soort;aandeel;onderdrukt;toelichting\r\n' +
          '2026-12-04 03:12;VROUWENOPVANG;Vrouwenopvang;0,25;ja;"a; b, ""c"""\r\n' +
          // Summer time: UTC+2, and past midnight into the next day.
          "2026-07-02 00:05;COSM;COSM;3;nee;'=1+1\r\n",
      );
    });

    it('leaves the standard file as it was: no BOM, commas, UTC, codes only', () => {
      const standard = toCsv(columns, rows);
      expect(standard.charCodeAt(0)).not.toBe(0xfeff);
      expect(standard.split('\r\n')[0]).toBe('bucketStart,type,share,suppressed,note');
      expect(standard.split('\r\n')[1]).toBe('2026-12-04T02:12:00.000Z,VROUWENOPVANG,0.25,true,"a; b, ""c"""');
    });
  });
});
