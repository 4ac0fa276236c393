/**
 * `/instructor/bank/<lesson>.json`: the key, feedback and evidence of one lesson's questions, which
 * the bank browser fetches when the instructor opens one of them. See src/data/instructor-bank.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLessonDetails } from '../../../data/instructor-bank.ts';
import type { LessonDetails } from '../../../lib/instructor/bank-index.ts';

export const getStaticPaths = (async () =>
  [...(await getLessonDetails()).values()].map((details) => ({
    params: { lesson: details.lesson },
    props: { details },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.details as LessonDetails), {
    headers: { 'Content-Type': 'application/json' },
  });
