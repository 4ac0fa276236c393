// The player's SCORM 1.2 calls, against scorm-again's Scorm12API (a runtime LMSs embed) as the LMS.
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm12ApiClass from 'scorm-again/scorm12';
import { describe, expect, it } from 'vitest';
import { findApi, openSession, type ApiHost, type Scorm12Api } from './runtime.ts';
import type { ReportedInteraction } from './interactions.ts';

// scorm-again's ESM build exports the class by name; its type declarations call it the default export.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass };

function lms(data: Record<string, unknown> = {}): { api: Scorm12Api; cmi: () => Record<string, unknown> } {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  if (Object.keys(data).length > 0) api.loadFromJSON(data, '');
  return {
    api: api as unknown as Scorm12Api,
    cmi: () => (api.renderCommitCMI(true) as { cmi: Record<string, unknown> }).cmi,
  };
}

const INTERACTIONS: ReportedInteraction[] = [
  {
    id: 'q1',
    type: 'choice',
    studentResponse: 'a',
    correctPatterns: ['a'],
    result: 'correct',
    latency: '0000:00:12.00',
  },
  { id: 'q2', type: 'true-false', studentResponse: '', correctPatterns: ['t'], result: 'wrong' },
];

describe('a session with the LMS', () => {
  it('first launch: reads the student and marks the attempt incomplete', () => {
    const { api } = lms({ core: { student_id: 's-42', student_name: 'Doe, Jo' } });
    const opened = openSession(api, 0);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.session.launch).toMatchObject({
      studentId: 's-42',
      studentName: 'Doe, Jo',
      suspendData: '',
    });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
  });

  it('saves progress as suspend_data with exit "suspend", and commits', () => {
    const { api, cmi } = lms();
    const opened = openSession(api, 0);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.session.saveProgress('{"v":1,"a":[]}')).toEqual({ ok: true });
    expect(cmi()).toMatchObject({
      suspend_data: '{"v":1,"a":[]}',
      core: { lesson_status: 'incomplete', exit: 'suspend' },
    });
  });

  it('reports the score as a percentage, completed, the interactions and the session time', () => {
    const { api, cmi } = lms();
    const opened = openSession(api, 1_000);
    if (!opened.ok) throw new Error(opened.error);
    const reported = opened.session.reportResult(
      { interactions: INTERACTIONS, points: 1, max: 3, suspendData: '{"s":1}' },
      1_000 + 95_500,
    );
    expect(reported).toEqual({ ok: true });
    const data = cmi() as {
      core: Record<string, unknown>;
      interactions: Record<string, Record<string, unknown>>;
      suspend_data: string;
    };
    expect(data.core).toMatchObject({
      lesson_status: 'completed',
      score: { raw: '33.33', min: '0', max: '100' },
      session_time: expect.stringMatching(/^0{2,4}:01:35\.50?$/), // 95.5 s; scorm-again renders it as 00:01:35.5
      exit: '',
    });
    expect(data.suspend_data).toBe('{"s":1}');
    expect(data.interactions['0']).toMatchObject({
      id: 'q1',
      type: 'choice',
      student_response: 'a',
      result: 'correct',
      latency: expect.stringMatching(/^0{2,4}:00:12(\.00?)?$/),
      weighting: '1',
      correct_responses: { '0': { pattern: 'a' } },
    });
    expect(data.interactions['1']).toMatchObject({ id: 'q2', type: 'true-false', result: 'wrong' });
  });

  it('passed or failed against the mastery score the LMS sets', () => {
    for (const [points, status] of [
      [3, 'passed'],
      [1, 'failed'],
    ] as const) {
      const { api } = lms({ student_data: { mastery_score: '60' } });
      const opened = openSession(api, 0);
      if (!opened.ok) throw new Error(opened.error);
      opened.session.reportResult({ interactions: [], points, max: 4, suspendData: '' }, 10);
      expect(api.LMSGetValue('cmi.core.lesson_status')).toBe(status);
    }
  });

  it('appends interactions after those an earlier session wrote', () => {
    const { api } = lms();
    const opened = openSession(api, 0);
    if (!opened.ok) throw new Error(opened.error);
    opened.session.reportResult({ interactions: INTERACTIONS, points: 1, max: 2, suspendData: '' }, 10);
    opened.session.reportResult({ interactions: INTERACTIONS, points: 2, max: 2, suspendData: '' }, 20);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('4');
  });

  it('names the element and the LMS error when the LMS refuses a value', () => {
    const { api } = lms();
    const opened = openSession(api, 0);
    if (!opened.ok) throw new Error(opened.error);
    const bad = { ...INTERACTIONS[0], type: 'essay' } as unknown as ReportedInteraction;
    const reported = opened.session.reportResult(
      { interactions: [bad], points: 0, max: 1, suspendData: '' },
      5,
    );
    expect(reported.ok).toBe(false);
    if (!reported.ok)
      expect(reported.error).toMatch(/^The LMS refused cmi\.interactions\.0\.type \(LMS error 405: /);
  });

  it('closes once: session time, then LMSFinish; later saves say the session is closed', () => {
    const { api } = lms();
    const opened = openSession(api, 0);
    if (!opened.ok) throw new Error(opened.error);
    opened.session.close(2_000);
    opened.session.close(3_000);
    expect(api.LMSGetLastError()).toBe('0');
    expect(opened.session.saveProgress('x')).toEqual({ ok: false, error: 'The LMS session is closed.' });
  });

  it('says why when the LMS will not start a session', () => {
    const { api } = lms();
    api.LMSInitialize('');
    api.LMSFinish('');
    const opened = openSession(api, 0);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatch(/^The LMS did not start a session \(LMS error \d+: .+\)$/);
  });
});

describe('findApi', () => {
  const api = lms().api;
  it('finds the API on this window, a parent, a grandparent or the opener', () => {
    const top: ApiHost = { API: api };
    top.parent = top;
    const middle: ApiHost = { parent: top };
    expect(findApi(top)).toBe(api);
    expect(findApi({ parent: top })).toBe(api);
    expect(findApi({ parent: middle })).toBe(api);
    const popupTop: ApiHost = {};
    popupTop.parent = popupTop;
    popupTop.opener = { API: api };
    expect(findApi(popupTop)).toBe(api);
  });

  it('gives null with no API, a fake one, or a frame it may not read', () => {
    const alone: ApiHost = {};
    alone.parent = alone;
    expect(findApi(alone)).toBeNull();
    expect(findApi({ API: { LMSInitialize: 'no' } })).toBeNull();
    const foreign = Object.defineProperty({}, 'API', {
      get() {
        throw new Error('SecurityError');
      },
    }) as ApiHost;
    expect(findApi({ parent: foreign })).toBeNull();
  });
});
