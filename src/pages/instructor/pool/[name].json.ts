/**
 * `/instructor/pool/locked.json`: the secret pool in full (keys, accepted answers, explanations,
 * feedback, evidence), in a lockbox that only the instructor's passphrase or key file opens
 * (AES-256-GCM; PBKDF2-SHA-256 with 600,000 iterations: src/lib/secret/crypto.ts). Written only when
 * the build is given an instructor key through the environment; otherwise not written at all, and
 * /instructor/ says how to unlock.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPoolData, instructorCredentials } from '../../../data/secret.ts';
import { createLockbox } from '../../../lib/secret/crypto.ts';

export const getStaticPaths = (async () => {
  const credentials = instructorCredentials();
  if (!credentials) return [];
  const box = await createLockbox({ v: 1, questions: await getPoolData() }, credentials);
  return [{ params: { name: 'locked' }, props: { box } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.box), { headers: { 'Content-Type': 'application/json' } });
