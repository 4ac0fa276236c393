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
import { clozeSegments } from '../../questions/cloze/grade.ts';
import { rightOptions } from '../../questions/matching/grade.ts';
import { displayOrder } from '../quiz/shuffle.ts';
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

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

function lines(items: readonly string[]): string {
  return items.map(fieldHtml).join('<br>');
}

/** The card front: prompt plus what the learner needs to answer it without the site. */
export function ankiFront(question: Question): string {
  const prompt = fieldHtml(question.prompt);
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const options = question.options.map((option, i) => `${letter(i)}. ${option.text}`);
      // Authors often say it in the prompt already; say it once.
      const note =
        question.type === 'multiple' && !/all that apply/i.test(question.prompt)
          ? '<br><i>(Select all that apply.)</i>'
          : '';
      return `${prompt}${note}<br><br>${lines(options)}`;
    }
    case 'truefalse':
      return /true or false/i.test(question.prompt) ? prompt : `${prompt}<br><i>(True or false?)</i>`;
    case 'numeric':
      return question.unit === undefined ? prompt : `${prompt}<br><i>(${fieldHtml(question.unit)})</i>`;
    case 'text':
      return prompt;
    case 'ordering': {
      // Display order, never the solved (authored) order.
      const byId = new Map(question.items.map((item) => [item.id, item.text]));
      const shown = displayOrder(question).map((id) => `• ${byId.get(id) ?? id}`);
      return `${prompt}<br><i>(Put in order.)</i><br><br>${lines(shown)}`;
    }
    case 'matching': {
      const rights = new Map(rightOptions(question).map((option) => [option.id, option.text]));
      const lefts = question.pairs.map((pair) => `• ${pair.left}`);
      const shown = displayOrder(question).map((id, i) => `${letter(i)}. ${rights.get(id) ?? id}`);
      return `${prompt}<br><i>(Match each item to one option.)</i><br><br>${lines(lefts)}<br><br>${lines(shown)}`;
    }
    case 'cloze': {
      let blank = 0;
      const text = clozeSegments(question.text)
        .map((segment) => (segment.kind === 'text' ? segment.text : `[${++blank}: …]`))
        .join('');
      return `${prompt}<br><br>${fieldHtml(text)}`;
    }
  }
}

/** The card back: the key (options lettered in authored order, as on the front) and the explanation. */
export function ankiBack(question: Question): string {
  return `${fieldHtml(describeAnswer(question))}<br><br>${fieldHtml(question.explanation)}`;
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
        `${root}/sources/${encodeURIComponent(question.lesson)}/#${encodeURIComponent(question.evidence.paragraph)}`,
      );
      const record = [ankiFront(question), ankiBack(question), source].join('\t');
      return record.startsWith('#') ? `&#35;${record.slice(1)}` : record;
    });
  return `${[...ANKI_HEADER, ...records].join('\n')}\n`;
}
