/**
 * The bank browser's data (/instructor/), built once per build: every question an instructor may
 * review in the open — the lesson banks (final) and the draft questions of lessons without a bank —
 * as a small index for the filters (`getBankIndex`) and, lesson by lesson, the
 * detail opened on demand (`getLessonDetails`). Written by `src/pages/instructor/bank.json.ts` and
 * `src/pages/instructor/bank/[lesson].json.ts`.
 */
import type { Question } from '../questions/index.ts';
import { TYPE_LABELS, bloomLabel } from '../lib/quiz/feedback.ts';
import { evidenceArticle } from '../lib/quiz/source-link.ts';
import type {
  BankIndex,
  BankSearchFile,
  FilterChoices,
  IndexItem,
  IndexLesson,
  LessonDetails,
} from '../lib/instructor/bank-index.ts';
import { POOL_CHOICES, type ItemStatus } from '../lib/instructor/filter.ts';
import { paragraphLabel, questionDetail, type EvidenceLink } from '../lib/instructor/detail.ts';
import { getBank } from './bank.ts';
import { getCourse } from './course.ts';
import { DRAFT_OBJECTIVES, getDrafts } from './drafts.ts';

const BLOOM_ORDER: Question['bloom'][] = ['remember', 'understand', 'apply', 'analyze', 'evaluate'];

const STATUSES = [
  { value: 'final', label: 'Final: reviewed, in a bank' },
  { value: 'draft', label: 'Drafts: generated, not reviewed' },
];

interface Entry {
  question: Question;
  status: ItemStatus;
}

interface BrowserData {
  index: BankIndex;
  search: BankSearchFile;
  assignable: FilterChoices;
  details: Map<string, LessonDetails>;
}

let cached: Promise<BrowserData> | undefined;

async function load(): Promise<BrowserData> {
  // The final assessment's pool is not here: its keys stay in the lockbox (issue 12, src/data/secret.ts).
  const [course, bank, drafts] = await Promise.all([getCourse(), getBank(), getDrafts()]);
  const base = import.meta.env.BASE_URL;
  const entries: Entry[] = [
    ...bank.map((b) => ({ question: b.question, status: 'final' as const })),
    ...[...drafts.values()].flatMap((d) =>
      d.questions.map((q) => ({ question: q.question, status: 'draft' as const })),
    ),
  ];
  const rank = new Map(course.sequence.map((id, i) => [id, i]));
  entries.sort(
    (a, b) =>
      (rank.get(a.question.lesson) ?? 1e9) - (rank.get(b.question.lesson) ?? 1e9) ||
      a.question.id.localeCompare(b.question.id, 'en', { numeric: true }),
  );

  const objectiveText = (lesson: string, objective: string): string =>
    course.lessons.get(lesson)?.data.objectives.find((o) => o.id === objective)?.text ??
    (DRAFT_OBJECTIVES as Record<string, string>)[objective] ??
    objective;
  const lessonTitle = (id: string): string =>
    course.lessons.get(id)?.data.title ?? course.byId.get(id)?.title ?? id;
  const link = (article: string, paragraph: string, quote: string): EvidenceLink => ({
    quote,
    href: `${base}sources/${article}/#${paragraph}`,
    label: paragraphLabel(paragraph),
  });

  const lessons = new Map<string, IndexLesson>();
  const details = new Map<string, LessonDetails>();
  const items: IndexItem[] = [];
  const more: string[] = [];
  for (const { question: q, status } of entries) {
    let lesson = lessons.get(q.lesson);
    if (!lesson) {
      lesson = {
        id: q.lesson,
        title: lessonTitle(q.lesson),
        module: course.moduleOf.get(q.lesson)?.id ?? null,
        objectives: [],
      };
      lessons.set(q.lesson, lesson);
    }
    const objective = objectiveText(q.lesson, q.objective);
    if (!lesson.objectives.some((o) => o.id === q.objective))
      lesson.objectives.push({ id: q.objective, text: objective });
    items.push({
      id: q.id,
      lesson: q.lesson,
      type: q.type,
      bloom: q.bloom,
      objective: q.objective,
      status,
      pool: 'practice',
      prompt: q.prompt,
    });
    more.push(
      q.explanation.includes(q.evidence.quote) ? q.explanation : `${q.explanation} ${q.evidence.quote}`,
    );
    const lessonDetails = details.get(q.lesson) ?? { v: 1 as const, lesson: q.lesson, questions: {} };
    details.set(q.lesson, lessonDetails);
    lessonDetails.questions[q.id] = questionDetail(q, {
      objective,
      evidence: [link(evidenceArticle(q), q.evidence.paragraph, q.evidence.quote)],
    });
  }
  for (const lesson of lessons.values())
    lesson.objectives.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

  const choicesFor = (kept: IndexItem[]): FilterChoices => {
    const present = (key: 'type' | 'bloom') => new Set(kept.map((i) => i[key]));
    const types = present('type');
    const levels = present('bloom');
    const lessonIds = new Set(kept.map((i) => i.lesson));
    const keptLessons = [...lessons.values()]
      .filter((l) => lessonIds.has(l.id))
      .map((l) => ({
        ...l,
        objectives: l.objectives.filter((o) => kept.some((i) => i.lesson === l.id && i.objective === o.id)),
      }));
    const moduleIds = new Set(keptLessons.map((l) => l.module));
    return {
      modules: course.modules
        .filter((m) => moduleIds.has(m.id))
        .map((m) => ({ value: m.id, label: `${m.label ?? m.order}. ${m.title}` })),
      lessons: keptLessons,
      types: (Object.keys(TYPE_LABELS) as Question['type'][])
        .filter((t) => types.has(t))
        .map((t) => ({ value: t, label: TYPE_LABELS[t] }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
      levels: BLOOM_ORDER.filter((l) => levels.has(l)).map((l) => ({ value: l, label: bloomLabel(l) })),
      statuses: STATUSES.filter((c) => kept.some((i) => i.status === c.value)),
      pools: POOL_CHOICES.filter((c) => kept.some((i) => i.pool === c.value)),
    };
  };
  return {
    index: { ...choicesFor(items), items },
    search: { v: 1, more },
    assignable: choicesFor(items.filter((i) => i.status === 'final')),
    details,
  };
}

function browserData(): Promise<BrowserData> {
  cached ??= load();
  return cached;
}

/** The index of every question, for the filters. */
export async function getBankIndex(): Promise<BankIndex> {
  return (await browserData()).index;
}

/** The explanation and quote of every question, in index order, for the text search. */
export async function getBankSearch(): Promise<BankSearchFile> {
  return (await browserData()).search;
}

/** Every lesson's question details, by lesson id. */
export async function getLessonDetails(): Promise<Map<string, LessonDetails>> {
  return (await browserData()).details;
}

/** The filter choices for the questions an assignment can use (the lesson banks), for the builder. */
export async function getAssignableChoices(): Promise<FilterChoices> {
  return (await browserData()).assignable;
}
