/**
 * The builder's text fields: an input handler that keeps what was typed in the draft, and the id
 * of a field's error message for `aria-describedby` (present only while there is a problem).
 */
import { builderStore } from '../../stores/builder.ts';
import type { SettingsField } from '../../lib/assign/builder.ts';

type TextField =
  'count' | 'seed' | 'title' | 'attempts' | 'timeLimit' | 'opensDate' | 'opensTime' | 'dueDate' | 'dueTime';

/** A text field's input handler: the draft holds what was typed. */
export const typed =
  (key: TextField) =>
  (event: Event & { currentTarget: HTMLInputElement }): void =>
    builderStore.setField(key, event.currentTarget.value);

/** `b-<field>-error` while the field has a problem, else nothing. */
export const errorId = (
  problems: Partial<Record<SettingsField, string>>,
  field: SettingsField,
): string | undefined => (problems[field] ? `b-${field}-error` : undefined);
