/**
 * A generated graph with planted duplicates, to measure the precision and recall of
 * `duplicateCandidates`: organizations and officials with invented names (near misses on
 * purpose: "Almaty Steel Works" and "Almaty Copper Works", "Serik Zhumangarin" and "Serik
 * Tokenov"), and for some of them a second entity naming the same one otherwise: case and
 * accents, word order, a legal form ("Group", "LLC"), initials, a misspelt letter.
 */

const PLACES = [
  'Almaty',
  'Caspian',
  'Steppe',
  'Altai',
  'Aral',
  'Karaganda',
  'Kashgar',
  'Urumqi',
  'Khorgos',
  'Aktobe',
  'Atyrau',
  'Shymkent',
  'Pavlodar',
  'Kostanay',
  'Turkestan',
  'Zhetysu',
  'Balkhash',
  'Irtysh',
  'Dzungaria',
  'Tarbagatai',
];
const INDUSTRIES = [
  'Steel',
  'Grid',
  'Logistics',
  'Agro',
  'Copper',
  'Railways',
  'Energy',
  'Cement',
  'Textiles',
  'Pipeline',
  'Telecom',
  'Mining',
  'Chemicals',
  'Motors',
  'Solar',
  'Water',
];
const THIRD = ['Works', 'Trading', 'Partners', 'Systems', 'Industries', ''];
const FIRST_NAMES = [
  'Serik',
  'Aida',
  'Nurlan',
  'Gulnara',
  'Yerlan',
  'Madina',
  'Askar',
  'Zhanna',
  'Bolat',
  'Dinara',
  'Timur',
  'Saule',
  'Marat',
  'Aigerim',
  'Daulet',
  'Kamila',
  'Ruslan',
  'Asel',
  'Yerzhan',
  'Laura',
];
const SURNAMES = [
  'Zhumangarin',
  'Nurlanova',
  'Tokenov',
  'Abdrakhmanov',
  'Sarsenbayeva',
  'Kuanyshev',
  'Zhaksylykov',
  'Omarova',
  'Baimukhanov',
  'Iskakova',
  'Temirkhanov',
  'Dzhaksybekov',
  'Mukhamediyarov',
  'Seitkali',
  'Ermekbayev',
  'Kassymova',
  'Beisenov',
  'Utemuratov',
  'Kulibayev',
  'Shaikenova',
];
const LEGAL_FORMS = ['Group', 'LLC', 'JSC', 'Ltd', 'Corporation'];
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', o: 'ö', u: 'ü', i: 'í' };

export type Variant = 'case' | 'accents' | 'word order' | 'legal form' | 'initials' | 'typo';
const ORGANIZATION_VARIANTS: Variant[] = ['case', 'accents', 'word order', 'legal form', 'typo'];
const OFFICIAL_VARIANTS: Variant[] = ['case', 'accents', 'word order', 'initials', 'typo'];

/** A small deterministic generator (mulberry32), so every run plants the same graph. */
export class Seeded {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/** One letter dropped, doubled or two swapped, in the longest word (six letters or more). */
function misspell(name: string, random: Seeded): string {
  const words = name.split(' ');
  const longest = words.reduce((best, word, index) => (word.length > (words[best]?.length ?? 0) ? index : best), 0);
  const word = words[longest] ?? '';
  const at = 2 + random.int(Math.max(1, word.length - 4));
  const kind = random.int(3);
  const changed =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + (word[at] ?? '') + word.slice(at)
        : word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  words[longest] = changed;
  return words.join(' ');
}

function variantOf(name: string, variant: Variant, random: Seeded): string {
  const words = name.split(' ');
  switch (variant) {
    case 'case':
      return random.int(2) === 0 ? name.toUpperCase() : name.toLowerCase();
    case 'accents':
      return name.replace(/[aeoui]/, (vowel) => ACCENTED[vowel] ?? vowel);
    case 'word order':
      return [...words.slice(1), words[0]].join(' ');
    case 'legal form':
      return `${name} ${random.pick(LEGAL_FORMS)}`;
    case 'initials':
      return `${(words[0] ?? '')[0] ?? ''}. ${words.slice(1).join(' ')}`;
    case 'typo':
      return misspell(name, random);
  }
}

export interface PlantedEntity {
  readonly id: string;
  readonly name: string;
  /** The organization an official holds a post in; the region an organization is based in. */
  readonly neighbour: string;
}

export interface PlantedGraph {
  readonly organizations: PlantedEntity[];
  readonly officials: PlantedEntity[];
  readonly regions: string[];
  /** Pairs of ids that are one entity, each as `left right` in id order. */
  readonly duplicates: Map<string, Variant>;
}

export function pairId(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/**
 * `count` organizations and as many officials, and for a fifth of each a duplicate. A duplicate
 * shares its original's neighbour (organization or region) half the time, as a second source
 * naming it in the same context would.
 */
export function plantDuplicates(count: number, seed: number): PlantedGraph {
  const random = new Seeded(seed);
  const regions = ['region:kz', 'region:cn', 'region:uz', 'region:kg'];
  const pairs = random.shuffle(PLACES.flatMap((place) => INDUSTRIES.map((industry) => [place, industry] as const)));
  const organizations: PlantedEntity[] = [];
  for (let i = 0; i < count && i < pairs.length; i += 1) {
    const [place, industry] = pairs[i] ?? ['', ''];
    const third = random.pick(THIRD);
    organizations.push({
      id: `org:planted-${i}`,
      name: [place, industry, third].filter(Boolean).join(' '),
      neighbour: random.pick(regions),
    });
  }
  const people = random.shuffle(FIRST_NAMES.flatMap((first) => SURNAMES.map((last) => `${first} ${last}`)));
  const officials: PlantedEntity[] = [];
  for (let i = 0; i < count && i < people.length; i += 1) {
    officials.push({ id: `official:planted-${i}`, name: people[i] ?? '', neighbour: random.pick(organizations).id });
  }
  const duplicates = new Map<string, Variant>();
  const plant = (list: PlantedEntity[], prefix: string, variants: Variant[]) => {
    const originals = list.slice(0, Math.floor(list.length / 5));
    originals.forEach((original, index) => {
      const variant = variants[index % variants.length] as Variant;
      const id = `${prefix}:planted-dup-${index}`;
      const neighbour = random.int(2) === 0 ? original.neighbour : random.pick(list).neighbour;
      list.push({ id, name: variantOf(original.name, variant, random), neighbour });
      duplicates.set(pairId(original.id, id), variant);
    });
  };
  plant(organizations, 'org', ORGANIZATION_VARIANTS);
  plant(officials, 'official', OFFICIAL_VARIANTS);
  return { organizations, officials, regions, duplicates };
}

/** Precision and recall of found pairs against the planted ones. */
export function precisionRecall(found: readonly string[], planted: ReadonlySet<string>) {
  const hits = found.filter((pair) => planted.has(pair)).length;
  return {
    found: found.length,
    hits,
    precision: found.length === 0 ? 1 : hits / found.length,
    recall: planted.size === 0 ? 1 : hits / planted.size,
  };
}
