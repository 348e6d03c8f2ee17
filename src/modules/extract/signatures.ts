/**
 * Who signed which document and on whose behalf, and who attended which forum, where the text
 * says so: "signed by X and Y", "X signed ... on behalf of Z", "X attended the forum", "Speaking at
 * the event, X said". Nothing is inferred from positions alone.
 */
import { type DraftEntity, type Span } from './draft';
import { forumReferences } from './forums';
import { officialsIn } from './officials';
import { type Reading, type SentenceView } from './reading';

function sentenceCover(view: SentenceView, ...spans: Span[]): Span | undefined {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return start >= view.sentence.start && end <= view.sentence.end ? { start, end } : undefined;
}

/** "on behalf of Kazakhstan", "for the Kazakh side", "representing the World Bank" just after a name. */
function behalfOf(
  reading: Reading,
  view: SentenceView,
  after: number,
): { entity: DraftEntity; span: Span } | undefined {
  const text = reading.article.text.slice(after, Math.min(view.sentence.end, after + 80));
  const match = /^[^.;]{0,30}?\b(?:on behalf of|representing|for)\s+(?:the\s+)?/i.exec(text);
  if (!match) return undefined;
  const at = after + match[0].length;
  const claim = reading.claims.find(
    (c) => (c.kind === 'organization' || c.kind === 'region') && c.start === at && c.entity,
  );
  if (claim?.entity) return { entity: claim.entity, span: { start: after, end: claim.end } };
  const region = reading.draft.ofType('Region').find((r) => r.mentions.some((m) => m.start === at));
  const mention = region?.mentions.find((m) => m.start === at);
  if (region && mention) return { entity: region, span: { start: after, end: mention.end } };
  return undefined;
}

function documentsIn(reading: Reading, view: SentenceView): { entity: DraftEntity; span: Span }[] {
  return reading.claims
    .filter((c) => c.kind === 'document' && c.entity && c.start >= view.sentence.start && c.end <= view.sentence.end)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ entity: c.entity as DraftEntity, span: { start: c.start, end: c.end } }));
}

const ATTEND =
  /\b(?:attended|attends|attending|took part in|takes part in|participated in|participates in|joined|addressed|addressing|spoke at|speaking at|opened|chaired|co-chaired|headed|led|visited)\b/i;

export function findSignaturesAndAttendance(reading: Reading): void {
  const text = reading.article.text;
  for (const view of reading.sentences) {
    const officials = officialsIn(reading, view);
    if (officials.length === 0) continue;
    // Signatures.
    for (const document of documentsIn(reading, view)) {
      for (const { official, span } of officials) {
        let signs = false;
        if (span.end <= document.span.start) {
          const between = text.slice(span.end, document.span.start);
          signs =
            /^[^.;]{0,120}?\b(?:signed|inked|initialled|initialed)\b[^.;]{0,30}$/i.test(between) &&
            !/\b(?:said|stressed|noted|announced)\b/i.test(between);
        } else if (span.start >= document.span.end) {
          const between = text.slice(document.span.end, span.start);
          signs = /\b(?:signed|inked|initialled|initialed)\s+by\b[^.;]{0,160}$/i.test(between);
        }
        if (!signs) continue;
        const behalf = behalfOf(reading, view, span.end);
        const quote = sentenceCover(view, span, document.span, ...(behalf ? [behalf.span] : []));
        if (!quote) continue;
        reading.draft.tie(
          'SIGNED',
          official,
          document.entity,
          quote,
          0.75,
          behalf ? { onBehalfOf: behalf.entity } : {},
        );
      }
    }
    // Attendance.
    const forums = forumReferences(reading, view).filter((ref) => ref.forum.fields.kind !== 'SERIES');
    for (const forum of forums) {
      for (const { official, span } of officials) {
        const [first, second] = span.start < forum.span.start ? [span, forum.span] : [forum.span, span];
        const between = text.slice(first.end, second.start);
        const lead = text.slice(view.sentence.start, first.start);
        const speaking =
          /^(?:speaking at|addressing|at)\b/i.test(lead.trim() + ' ') ||
          /^\s*(?:speaking at|addressing)\s+$/i.test(lead);
        const verb = ATTEND.exec(between) ?? (speaking ? ATTEND.exec(lead) : null);
        if (!verb && !(speaking && forum.span.start < span.start)) continue;
        if (between.length > 200) continue;
        const role = /speak|address|spoke/i.test(verb?.[0] ?? lead)
          ? 'speaker'
          : /chair/i.test(verb?.[0] ?? '')
            ? 'chair'
            : /head|led/i.test(verb?.[0] ?? '')
              ? 'head of delegation'
              : 'participant';
        const quote = sentenceCover(view, first, second);
        if (!quote) continue;
        const country = official.notes.country as DraftEntity | undefined;
        reading.draft.tie(
          'ATTENDED',
          official,
          forum.forum,
          lead.trim().length > 0 && speaking ? { start: view.sentence.start, end: quote.end } : quote,
          0.7,
          {
            role,
            ...(country ? { onBehalfOf: country } : {}),
          },
        );
      }
    }
  }
}
