/**
 * `/progress/renamed-ids.json`: for every question whose option ids were renamed when they became
 * opaque (src/questions/ids.ts), its content hash and authored handle → published id. The progress
 * store fetches it once, in a browser that holds answers saved under the handles, to carry them
 * over (src/lib/progress/renamed.ts). Handles follow authored order and the key was often `a`, so
 * this file says as much about the keys as the island props do, and no lesson page loads it.
 */
import type { APIRoute } from 'astro';
import { getBank } from '../../data/bank.ts';
import type { RenamedIds } from '../../lib/progress/renamed.ts';

export const GET: APIRoute = async () => {
  const bank = await getBank();
  const data: RenamedIds = {
    v: 1,
    questions: Object.fromEntries(
      bank
        .filter((entry) => Object.keys(entry.renamed).length > 0)
        .map((entry) => [entry.question.id, { hash: entry.hash, renamed: entry.renamed }]),
    ),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
