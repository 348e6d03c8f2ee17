import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse, print } from 'graphql';

import { ENVIRONMENT_VARIABLES } from '../../src/config';
import { ENTITY_TYPES, TIE_TYPES } from '../../src/modules/entity/entity.model';
import { loadExampleOperations } from '../../src/http/example-operations';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of one language, in order. */
function blocks(language: string, text = README): string[] {
  return [...text.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((match) => match[1]!);
}

/** The text of one `## ` section. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** The README is the newcomer's only guide, so what it states is checked against the code. */
describe('README', () => {
  it('opens with the two commands', () => {
    expect(blocks('sh').slice(0, 2)).toEqual(['npm install && npm start\n', 'npm install && npm test\n']);
  });

  it('shows the example operations (client/operations), in order', () => {
    const shown = blocks('graphql', section('Example queries')).map((block) => print(parse(block)));
    expect(shown).toEqual(loadExampleOperations().map((operation) => print(parse(operation.document))));
  });

  it('has a configuration table row for every variable the app reads, and no other', () => {
    const rows = [...section('Configuration').matchAll(/^\| `([A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1]);
    expect([...rows].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('draws every entity type and tie type in the data model diagram', () => {
    const [diagram] = blocks('mermaid', section('The data model'));
    for (const name of [...ENTITY_TYPES, ...TIE_TYPES, 'STATED_IN'])
      expect(diagram).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('documents every CLI command', () => {
    const reference = section('CLI reference');
    const commands = readdirSync(join(ROOT, 'src', 'cli', 'commands'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    for (const command of commands) expect(reference).toContain(`ties-graph ${command}`);
  });

  it('links the guides, and files that exist', () => {
    const links = [...README.matchAll(/\]\((?!https?:|#)([^)#]+)\)/g)].map((match) => match[1]!);
    for (const doc of ['docs/architecture.md', 'docs/importing.md', 'docs/security.md', 'docs/queries.md']) {
      expect(links).toContain(doc);
    }
    // Guides are written by other hands and may land later; any other link must resolve now.
    const broken = links.filter((link) => !link.startsWith('docs/') && !existsSync(join(ROOT, link)));
    expect(broken).toEqual([]);
  });
});
