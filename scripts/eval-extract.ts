/**
 * `npm run eval:extract -- <folder> [--out <drafts-folder>] [--gold <folder>] [--scorer <score-extract.py>]`
 * drafts every `<name>.txt` of a folder offline (a `<name>.source.json` beside a text gives its
 * source, publishedOn included) and, where gold annotations are at hand (`<name>.gold.json` in
 * the folder, or a --gold folder), scores the drafts with the shared scorer
 * (`../shared/tools/score-extract.py` unless --scorer says otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { extractReport } from '../src/modules/extract/extract.service';
import { draftFileName, listTextFiles, readTextFile, sidecarSource } from '../src/modules/extract/files';
import { Gazetteer } from '../src/modules/extract/gazetteer';
import { serializeDraft } from '../src/modules/extract/serialize';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(): number {
  const args = process.argv.slice(2);
  const folder = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!folder) {
    process.stderr.write(
      'usage: npm run eval:extract -- <folder> [--out <drafts-folder>] [--gold <folder>] [--scorer <path>]\n',
    );
    return 2;
  }
  const out = resolve(option(args, '--out') ?? mkdtempSync(join(tmpdir(), 'ties-graph-drafts-')));
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const gazetteer = Gazetteer.builtin();
  const { files } = listTextFiles(folder);
  for (const file of files) {
    const report = extractReport(readTextFile(file), { source: sidecarSource(file), gazetteer });
    writeFileSync(join(out, draftFileName(file, 'json')), serializeDraft(report, 'json'));
    process.stderr.write(`${file}: ${report.entities.length} entities, ${report.ties.length} ties\n`);
  }
  process.stderr.write(
    `Drafted ${files.length} text(s) into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );

  const gold = resolve(option(args, '--gold') ?? folder);
  // The shared folder sits beside the project (../shared), or beside the folder of worktrees.
  const scorer = resolve(
    option(args, '--scorer') ??
      [join(__dirname, '..', '..', 'shared'), join(__dirname, '..', '..', '..', 'shared')]
        .map((dir) => join(dir, 'tools', 'score-extract.py'))
        .find((path) => existsSync(path)) ??
      join(__dirname, '..', '..', 'shared', 'tools', 'score-extract.py'),
  );
  const hasGold =
    existsSync(gold) &&
    readdirSync(gold).some(
      (name) => name.endsWith('.gold.json') || (gold !== resolve(folder) && name.endsWith('.json')),
    );
  if (!hasGold) {
    process.stderr.write(`No gold annotations in ${gold}: drafts only.\n`);
    return 0;
  }
  if (!existsSync(scorer)) {
    process.stderr.write(`Scorer not found at ${scorer} (pass --scorer): drafts only.\n`);
    return 0;
  }
  const result = spawnSync('python3', [scorer, resolve(folder), gold, out], { stdio: 'inherit' });
  return result.status ?? 1;
}

process.exitCode = main();
