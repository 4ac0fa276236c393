/**
 * Pure: no DOM, no framework.
 *
 * Export of the learner's missed and weak questions as an Anki "Notes in
 * plain text" file, so they can keep reviewing in Anki.
 *
 * Format (https://docs.ankiweb.net/importing/text-files.html, "File
 * Headers"): header lines `#separator:tab`, `#html:true`,
 * `#columns:Front\tBack\tSource`, then one note per line, three tab-separated
 * fields. Because the fields are HTML, author text is escaped (`&`, `<`, `>`,
 * `"`), line breaks become `<br>`, tabs become spaces and other control
 * characters are dropped — so no field ever contains the separator, a record
 * break, or a raw `"` (which Anki would read as CSV quoting). A record that
 * would start with `#` (a comment line to Anki) starts with `&#35;` instead.
 */
import type { Question } from '../../questions/index.ts';
import { describeAnswer } from '../../questions/client.ts';
import { handoutOf, type BrowserRegistries } from '../../questions/handouts.ts';
import { displayOrder } from '../quiz/shuffle.ts';
import { evidenceArticle } from '../quiz/source-link.ts';
import { CORRECT_THRESHOLD, latestAttempt } from '../progress/query.ts';
import type { Progress } from '../progress/schema.ts';
import { cardFor } from './card.ts';

/**
 * A question answered right whose FSRS stability (days until recall
 * probability falls to 90 %) is below this is "weak" and exported. A single
 * right answer gives 1.3–8 days, so everything not yet recalled successfully
 * across days is included; a question answered right twice, a few days apart,
 * passes 7 days and is left out.
 */
export const WEAK_STABILITY_DAYS = 7;

/** The header lines Anki reads before the notes. */
export const ANKI_HEADER = ['#separator:tab', '#html:true', '#columns:Front\tBack\tSource'] as const;

/** Author text → one line of HTML: escaped, `*emphasis*` as `<em>`, breaks as `<br>`. */
export function fieldHtml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\*([^*\r\n]+)\*/g, '<em>$1</em>')
      .replace(/\r\n|\r|\n/g, '<br>')
      .replace(/\t/g, ' ')
      // Other C0 controls and DEL: invisible in a card, and some break CSV readers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

function lines(items: readonly string[]): string {
  return items.map(fieldHtml).join('<br>');
}

/**
 * The card front: the prompt plus what the learner needs to answer it without the site, as the
 * question's type gives it (`handout.anki`): an instruction in brackets, then lists of options or
 * items, each after a blank line.
 */
export function ankiFront(question: Question, types: BrowserRegistries = {}): string {
  const front = handoutOf(question, types.handouts).anki(
    question,
    displayOrder(question, question.id, types.behaviours),
  );
  const instruction = front.instruction === undefined ? '' : `<br><i>(${fieldHtml(front.instruction)})</i>`;
  return `${fieldHtml(question.prompt)}${instruction}${front.blocks.map((block) => `<br><br>${lines(block)}`).join('')}`;
}

/** The card back: the key (options lettered in authored order, as on the front) and the explanation. */
export function ankiBack(question: Question, types: BrowserRegistries = {}): string {
  return `${fieldHtml(describeAnswer(question, undefined, types.behaviours))}<br><br>${fieldHtml(question.explanation)}`;
}

/** `https://site.example/base` (no trailing slash) from what the caller passes; throws when not an http(s) URL. */
function siteRoot(siteOrigin: string): string {
  let url: URL;
  try {
    url = new URL(siteOrigin);
  } catch {
    throw new TypeError(
      `ankiTsv: siteOrigin must be an absolute URL like "https://example.org", got ${JSON.stringify(siteOrigin)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`ankiTsv: siteOrigin must be an http(s) URL, got ${JSON.stringify(siteOrigin)}`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Missed (latest score < 0.8) or weak (stability < `WEAK_STABILITY_DAYS`) among answered questions. */
export function isMissedOrWeak(question: Question, hash: string, progress: Progress): boolean {
  const latest = latestAttempt(progress, question.id, hash);
  if (!latest) return false;
  if (latest.score < CORRECT_THRESHOLD) return true;
  const card = cardFor(progress, { id: question.id, hash, type: question.type });
  return card !== undefined && card.stability < WEAK_STABILITY_DAYS;
}

/**
 * The Anki import file for the missed and weak questions among `items`
 * (current build, with current hashes), in the given order. Source links go
 * to `<siteOrigin>/sources/<lesson>/#pN`.
 */
export function ankiTsv(
  items: readonly { question: Question; hash: string }[],
  progress: Progress,
  siteOrigin: string,
): string {
  const root = siteRoot(siteOrigin);
  const records = items
    .filter(({ question, hash }) => isMissedOrWeak(question, hash, progress))
    .map(({ question }) => {
      const source = fieldHtml(
        `${root}/sources/${encodeURIComponent(evidenceArticle(question))}/#${encodeURIComponent(question.evidence.paragraph)}`,
      );
      const record = [ankiFront(question), ankiBack(question), source].join('\t');
      return record.startsWith('#') ? `&#35;${record.slice(1)}` : record;
    });
  return `${[...ANKI_HEADER, ...records].join('\n')}\n`;
}
