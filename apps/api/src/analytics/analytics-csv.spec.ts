import { csvCell } from './analytics-csv';

describe('csvCell', () => {
  it('makes text that a spreadsheet would run as a formula inert', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('writes numbers, negative ones included, and plain text as they are', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('市城市管理局')).toBe('市城市管理局');
    expect(csvCell(null)).toBe('');
  });
});
