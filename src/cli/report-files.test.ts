import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UsageError } from './errors';
import { jsonErrorOffset, listReportFiles, readReportFile } from './report-files';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ties-graph-reports-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function usageMessage(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('report files', () => {
  it("lists a folder's JSON and YAML files in name order, and refuses what is not a report", () => {
    const dir = folder({ 'b.yaml': '', 'a.json': '', 'c.yml': '', 'notes.txt': '' });
    mkdirSync(join(dir, 'empty'));
    expect(listReportFiles(dir)).toEqual(['a.json', 'b.yaml', 'c.yml'].map((name) => join(dir, name)));
    expect(listReportFiles(join(dir, 'a.json'))).toEqual([join(dir, 'a.json')]);
    expect(usageMessage(() => listReportFiles(join(dir, 'notes.txt')))).toMatch(/must end in \.json, \.yaml or \.yml/);
    expect(usageMessage(() => listReportFiles(join(dir, 'empty')))).toMatch(/holds no .json, .yaml or .yml/);
    expect(usageMessage(() => listReportFiles(join(dir, 'missing')))).toMatch(/no such file or folder/);
  });

  it('finds where JSON stops being JSON', () => {
    for (const [text, offset] of [
      ['{"a": 1,}', 8],
      ['{"a": tru}', 9],
      ['[1, 2,]', 6],
      ['{"a": 1}}', 8],
      ['{"a": "x', 8],
      ['{"a": [1, {"b": "\\q"}]}', 18],
      ['{"a": -1.5e3, "b": [true, false, null, "\\u00e9"]}', 49],
    ] as const) {
      expect(jsonErrorOffset(text)).toBe(offset);
    }
  });

  it('names file, line and column of a JSON syntax error', () => {
    const dir = folder({ 'bad.json': '{\n  "source": { "name": "x" },\n  "entities": [,]\n}\n' });
    expect(usageMessage(() => readReportFile(join(dir, 'bad.json')))).toBe(
      `${join(dir, 'bad.json')}:3:16: invalid JSON: Unexpected token ','`,
    );
  });

  it('names file, line and column of a YAML syntax error', () => {
    const dir = folder({ 'bad.yaml': 'source:\n  name: x\nentities:\n  - ref: a\n   region: {}\n' });
    expect(usageMessage(() => readReportFile(join(dir, 'bad.yaml')))).toMatch(
      new RegExp(`^${join(dir, 'bad.yaml')}:5:\\d+: invalid YAML: `),
    );
  });

  it('reads YAML with dates as strings, and locates field paths in YAML and JSON', () => {
    const yaml =
      'source:\n  name: x\n  publishedOn: 2023-03-28\nentities:\n  - ref: kz\n    region:\n      iso2: KAZ\n';
    const json = '{\n  "entities": [\n    { "ref": "kz", "region": { "iso2": "KAZ" } }\n  ]\n}\n';
    const dir = folder({ 'r.yaml': yaml, 'r.json': json });
    const fromYaml = readReportFile(join(dir, 'r.yaml'));
    expect(fromYaml.report).toEqual({
      source: { name: 'x', publishedOn: '2023-03-28' },
      entities: [{ ref: 'kz', region: { iso2: 'KAZ' } }],
    });
    expect(fromYaml.locate('entities[0].region.iso2')).toEqual({ line: 7, column: 13 });
    // A missing field is reported where its parent is.
    expect(fromYaml.locate('entities[0].region.name')).toEqual({ line: 7, column: 7 });
    const fromJson = readReportFile(join(dir, 'r.json'));
    expect(fromJson.locate('entities[0].region.iso2')).toEqual({ line: 3, column: 40 });
    expect(fromJson.locate('source')).toEqual({ line: 1, column: 1 });
  });
});
