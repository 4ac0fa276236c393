// Adding a question type means adding one folder. A tenth type, `slider`, lives only in
// tests/fixtures/question-types/slider/ (schema, behaviour, handout, export, view); no file of
// the site knows it. Passed in through the registry parameters that default to the real
// registries, it is graded, rendered, and written to every export format, the Anki card, the
// printed worksheet and a SCORM interaction by the same code the site and the CLI run.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { sliderSchema } from '../../tests/fixtures/question-types/slider/schema.ts';
import { sliderBehaviour } from '../../tests/fixtures/question-types/slider/type.ts';
import { sliderHandout } from '../../tests/fixtures/question-types/slider/handout.ts';
import { sliderExport } from '../../tests/fixtures/question-types/slider/export.ts';
import SliderView from '../../tests/fixtures/question-types/slider/View.svelte';
import { worksheetItem } from '../lib/assign/worksheet.ts';
import { EXPORT_FORMATS, exportBank, formatReport, scormInteraction } from '../lib/export/index.ts';
import type { Exporters } from '../lib/export/types.ts';
import { displayOrder } from '../lib/quiz/shuffle.ts';
import { ankiBack, ankiFront } from '../lib/review/anki.ts';
import { answerKey, describeAnswer, gradeResponse, questionTypes, type Behaviours } from './client.ts';
import { exporters as realExporters } from './exporters.ts';
import { handouts as realHandouts, type Handouts } from './handouts.ts';
import type { Question } from './index.ts';

// The registries with the tenth type added: what a real type gets from one line in each registry.
const behaviours = { ...questionTypes, slider: sliderBehaviour } as unknown as Behaviours;
const handouts = { ...realHandouts, slider: sliderHandout } as unknown as Handouts;
const exporters = { ...realExporters, slider: sliderExport } as unknown as Exporters;

const slider = sliderSchema.parse({
  type: 'slider',
  id: 'fx-slider',
  lesson: 'lesson-one',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'How many *days* did the campaign last?',
  explanation: 'Paragraph 3 gives the dates.',
  evidence: { paragraph: 'p3', quote: 'a verbatim quote here' },
  feedback: { incorrect: 'Count the days between the two dates.' },
  min: 0,
  max: 10,
  step: 1,
  answer: 7,
  unit: 'days',
});
const question = slider as unknown as Question;

describe('a tenth question type, added as one folder', () => {
  it('is graded, keyed and described through the registry', () => {
    expect(gradeResponse(question, 7, behaviours)).toEqual({
      score: 1,
      correct: true,
      parts: [{ id: 'answer', correct: true }],
    });
    expect(gradeResponse(question, 6, behaviours).score).toBe(0);
    expect(gradeResponse(question, 'seven', behaviours).parts[0]?.feedback).toBe('Expected a number');
    expect(answerKey(question, behaviours)).toBe(7);
    expect(describeAnswer(question, undefined, behaviours)).toBe('7 days');
    expect(displayOrder(question, 'seed', behaviours)).toEqual([]);
  });

  it('is rendered: moving the slider writes the response and says so', async () => {
    const onchange = vi.fn();
    const { rerender } = render(SliderView, { props: { question: slider, order: [], onchange } });
    const input = screen.getByLabelText('Your answer');
    await fireEvent.input(input, { target: { value: '7' } });
    expect(onchange).toHaveBeenCalledOnce();
    expect(screen.getByText('7 days')).toBeTruthy();
    await rerender({
      question: slider,
      order: [],
      response: 7,
      result: gradeResponse(question, 7, behaviours),
    });
    expect(screen.getByText('Correct')).toBeTruthy();
  });

  it.each(EXPORT_FORMATS)('is exported to %s, with what the format loses in the report', (format) => {
    const { files, report } = exportBank([question], format, { lessonTitles: {} }, { exporters, behaviours });
    expect(report.exported).toBe(1);
    expect(report.byType).toEqual({ slider: 1 });
    expect(files.length).toBeGreaterThan(0);
    const losses =
      format === 'qti21' || format === 'csv' ? [] : ['slider shown as a box to type the number in'];
    expect(report.notes.map((n) => n.message)).toEqual(losses);
    expect(formatReport(report)).toContain('By type: slider 1');
  });

  it('writes a QTI 2.1 slider, a CSV scale and a GIFT number', () => {
    const text = (format: (typeof EXPORT_FORMATS)[number]): string => {
      const content = exportBank([question], format, {}, { exporters, behaviours }).files[0]?.content ?? '';
      if (typeof content === 'string') return content;
      return Object.values(unzipSync(content))
        .map((bytes) => strFromU8(bytes))
        .join('\n');
    };
    expect(text('qti21')).toContain(
      '<sliderInteraction responseIdentifier="RESPONSE" lowerBound="0" upperBound="10" step="1">',
    );
    expect(text('qti12')).toContain('<fieldentry>numerical_question</fieldentry>');
    expect(text('csv')).toContain('0–10 (step 1)');
    expect(text('csv')).toContain('7 days');
    expect(text('gift')).toContain('=7');
    expect(text('moodle')).toContain('<question type="numerical">');
  });

  it('becomes an Anki card, a worksheet entry and a SCORM interaction', () => {
    const types = { behaviours, handouts };
    expect(ankiFront(question, types)).toBe(
      'How many <em>days</em> did the campaign last?<br><i>(Scale: 0 to 10 days, in steps of 1)</i>',
    );
    expect(ankiBack(question, types)).toBe('7 days<br><br>Paragraph 3 gives the dates.');
    expect(worksheetItem(question, types)).toMatchObject({
      body: [
        { kind: 'note', text: 'Scale: 0 to 10 days, in steps of 1' },
        { kind: 'para', text: 'Answer: __________' },
      ],
      key: '7 days',
    });
    expect(scormInteraction(question, 6, { exporters })).toEqual({
      id: 'fx-slider',
      type: 'numeric',
      correctResponses: ['7'],
      studentResponse: '6',
    });
  });
});
