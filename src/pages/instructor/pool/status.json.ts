/**
 * `/instructor/pool/status.json`: whether this build wrote the assessment pool's lockbox
 * (`/instructor/pool/locked.json`). Always written, so the unlock panel can ask without requesting a
 * file that may not exist (a 404 is an error in every browser console).
 */
import type { APIRoute } from 'astro';
import { instructorCredentials } from '../../../data/secret.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ v: 1, lockbox: instructorCredentials() !== null }), {
    headers: { 'Content-Type': 'application/json' },
  });
