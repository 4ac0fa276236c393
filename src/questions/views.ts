/**
 * Type → view component, one `View.svelte` per question type folder. Typed as
 * a mapped type over `QuestionType`: a missing (or extra) type, or a view
 * whose props do not fit its type, is a compile error (`astro check`).
 *
 * Views are controlled: they show `response` (undefined = nothing chosen yet)
 * and write it back through `bind:response`, calling `onchange` after every
 * change the learner makes. `order` is `displayOrder(question, question.id)`
 * so server render and hydration agree. With a `result` they show per-part
 * feedback next to each option / item / pair / blank, and `disabled` locks
 * the inputs. Views import only zod-free modules (see client.test.ts).
 */
import type { Component } from 'svelte';
import type { GradeResult } from './grading.ts';
import type { Question, QuestionOf, QuestionType, Response, ResponseOf } from './index.ts';
import SingleView from './single/View.svelte';
import MultipleView from './multiple/View.svelte';
import TruefalseView from './truefalse/View.svelte';
import NumericView from './numeric/View.svelte';
import TextView from './text/View.svelte';
import OrderingView from './ordering/View.svelte';
import MatchingView from './matching/View.svelte';
import ClozeView from './cloze/View.svelte';

/** Props every view takes, for the question type `K`. */
export interface ViewProps<K extends QuestionType> {
  question: QuestionOf<K>;
  /** Display order of option / item / right-hand option ids (`displayOrder`); `[]` for other types. */
  order: readonly string[];
  /** The learner's response; undefined until they answer. Bindable. */
  response?: ResponseOf<K> | undefined;
  /** Lock the inputs (after checking). */
  disabled?: boolean;
  /** The graded result to show next to each part, or null before checking. */
  result?: GradeResult | null;
  /** Called after every change the learner makes to `response`. */
  onchange?: () => void;
}

/** A view for any question (what `viewFor` returns). */
export type AnyView = Component<
  {
    question: Question;
    order: readonly string[];
    response?: Response | undefined;
    disabled?: boolean;
    result?: GradeResult | null;
    onchange?: () => void;
  },
  object,
  'response'
>;

export const views: { readonly [K in QuestionType]: Component<ViewProps<K>, object, 'response'> } = {
  single: SingleView,
  multiple: MultipleView,
  truefalse: TruefalseView,
  numeric: NumericView,
  text: TextView,
  ordering: OrderingView,
  matching: MatchingView,
  cloze: ClozeView,
};

/**
 * The view for `question`. `views[question.type]` always fits `question`, but
 * TypeScript cannot correlate the two through a union, hence this one widening.
 */
export function viewFor(question: Question): AnyView {
  return views[question.type] as unknown as AnyView;
}
