/**
 * Table files (src/export/table.ts): CSV with a BOM, CRLF and quoting, formulas neutralised (OWASP),
 * and an XLSX whose cells, read back from the zip, hold the same text and numbers as numbers.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import { buildRows, sortRows, type TableLabels } from '../../src/domain/project-table.ts';
import { neutraliseFormula, projectTableSheet, sheetCsv, sheetName, sheetXlsx, tableFileName, type Sheet } from '../../src/export/table.ts';

const sheet: Sheet = {
  name: '测试 / test: [1]',
  header: ['名称', 'km', 'note'],
  rows: [
    ['包头, 呼和浩特', 812, '=HYPERLINK("http://x","y")'],
    ['+1', null, '-2'],
    ['@SUM(A1)', 3.5, '\tTAB'],
    ['说 "quoted"', 0, 'line\nbreak'],
  ],
};

describe('neutralising formulas', () => {
  it('prefixes text that a spreadsheet would run, once', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['包头', 'a=b', '1-2', '', "'=1"]) expect(neutraliseFormula(s)).toBe(s);
    expect(neutraliseFormula(neutraliseFormula('=1'))).toBe("'=1");
  });
});

describe('CSV', () => {
  it('BOM, CRLF, quoted where needed, formulas neutralised, numbers left alone', () => {
    const csv = sheetCsv(sheet);
    expect(csv.startsWith('\uFEFF名称,km,note\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"包头, 呼和浩特",812,"'=HYPERLINK(""http://x"",""y"")"`);
    expect(lines[2]).toBe(`'+1,,'-2`);
    expect(lines[3]).toBe(`'@SUM(A1),3.5,'\tTAB`);
    expect(lines[4]).toBe(`"说 ""quoted""",0,"line\nbreak"`);
    expect(csv.endsWith('\r\n')).toBe(true);
    // No cell of the file starts with a formula character.
    for (const line of [lines[1], lines[2], lines[3]]) for (const cell of line!.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('XLSX', () => {
  it('a workbook whose sheet holds the header, the text as text and km as numbers', async () => {
    const blob = await sheetXlsx(sheet);
    expect(blob.size).toBeGreaterThan(1000);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).toContain('xl/workbook.xml');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain(`name="${sheetName(sheet.name)}"`);
    expect(sheetName(sheet.name)).toBe('测试   test   1');
    const sheetXml = await zip.file(names.find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!)!.async('string');
    const shared = names.includes('xl/sharedStrings.xml') ? await zip.file('xl/sharedStrings.xml')!.async('string') : '';
    const text = sheetXml + shared;
    for (const s of ['名称', '包头, 呼和浩特', '<t>=HYPERLINK("http://x","y")</t>', '说 "quoted"']) expect(text).toContain(s);
    // 812 is a number cell, not a string; the text that looks like a formula is a string, not a formula.
    expect(sheetXml).toMatch(/<c r="B2"[^>]*><v>812<\/v><\/c>/);
    expect(sheetXml).not.toContain('<f>');
    // The header row stays in view.
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="1"/);
  });
});

describe('the project table as a sheet', () => {
  it('id first, then the shown columns; km a number', () => {
    const cat = readCatalogue();
    const labels: TableLabels = { layer: (p) => ({ id: p.properties.theme, label: p.properties.theme }), measure: (id) => id, stage: (s) => s, precision: (p) => p, status: (s) => s };
    const rows = sortRows(buildRows(cat, cat.allProjects(), 'zh', labels), { column: 'km', dir: 'desc' }, 'zh');
    const s = projectTableSheet('规划项目表', rows, ['name', 'km', 'regions'], 'zh', (c) => `H:${c}`);
    expect(s.header).toEqual(['H:id', 'H:name', 'H:km', 'H:regions']);
    expect(s.rows).toHaveLength(cat.allProjects().length);
    expect(s.rows[0]![0]).toBe(rows[0]!.id);
    expect(typeof s.rows[0]![2]).toBe('number');
    expect(s.rows[0]![2]).toBe(Math.round(Math.max(...cat.allProjects().map((p) => p.properties.km ?? 0))));
    expect(tableFileName('规划项目表: a/b', new Date('2026-03-04T10:00:00Z'), 'xlsx')).toBe('规划项目表 a b 2026-03-04.xlsx');
  });
});
