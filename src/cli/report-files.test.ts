import { closeSync, mkdtempSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { UsageError } from './errors';
import { MAX_REPORT_ENTITIES } from '../modules/write/report.input';
import { jsonErrorOffset, listReportFiles, MAX_REPORT_FILE_BYTES, readReportFile } from './report-files';

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

  it('refuses a file over the size limit before reading it', () => {
    const dir = folder({});
    const path = join(dir, 'huge.json');
    const fd = openSync(path, 'w');
    // A sparse file: its size is over the limit without a byte written.
    ftruncateSync(fd, MAX_REPORT_FILE_BYTES + 1);
    closeSync(fd);
    expect(usageMessage(() => readReportFile(path))).toMatch(
      /huge\.json: 8\.0 MiB, more than the 8 MiB a report file may hold \(at most 2000 entities and 5000 ties\)/,
    );
  });

  it('stops reading YAML at the first entity over the limit, naming its line', () => {
    const entity = (index: number) => `  - ref: e${index}\n    sector: { name: Sector ${index} }\n`;
    const entities = Array.from({ length: MAX_REPORT_ENTITIES + 1 }, (_, index) => entity(index)).join('');
    // Far past the limit the file stops being YAML: a parser that read it whole would say so instead.
    const rest = `${'  # filler\n'.repeat(30_000)}  - [unclosed\n`;
    const dir = folder({ 'long.yaml': `source:\n  name: x\nentities:\n${entities}${rest}` });
    const overLine = 3 + 2 * MAX_REPORT_ENTITIES + 1;
    expect(usageMessage(() => readReportFile(join(dir, 'long.yaml')))).toBe(
      `${join(dir, 'long.yaml')}:${overLine}:3: entities: more than the 2000 entities a report may hold: split the report into several files`,
    );
  });

  it('refuses a JSON report with too many ties once parsed, before anything else reads it', () => {
    const ties = Array.from({ length: 5001 }, () => ({ type: 'INVOLVES', from: 'a', to: 'b' }));
    const dir = folder({ 'ties.json': JSON.stringify({ source: { name: 'x' }, entities: [], ties }) });
    expect(usageMessage(() => readReportFile(join(dir, 'ties.json')))).toMatch(
      /ties\.json: ties: 5001 ties, more than the 5000 a report may hold/,
    );
  });

  it('refuses a YAML line over 1 MiB and a file of two YAML documents', () => {
    const dir = folder({
      'flow.yaml': `entities: [${'{ref: a}, '.repeat(120_000)}]\n`,
      'two.yaml': 'source: { name: x }\n---\nsource: { name: y }\n',
    });
    expect(usageMessage(() => readReportFile(join(dir, 'flow.yaml')))).toMatch(
      /flow\.yaml:1:1: a line longer than 1 MiB/,
    );
    expect(usageMessage(() => readReportFile(join(dir, 'two.yaml')))).toMatch(
      /two\.yaml:2:1: invalid YAML: a report file holds one document/,
    );
  });
});
