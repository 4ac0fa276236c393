/**
 * Zod without its compiler, for every page. Zod compiles object parsers with `new Function` when
 * the page allows it, and finds out by trying; under this site's Content-Security-Policy (no
 * 'unsafe-eval', src/lib/csp/policy.ts) that probe is blocked and reported as a violation, even
 * though Zod catches it. The data parsed in a browser is small, so Zod's interpreter is as good.
 * Imported, for its effect, by every module that defines zod schemas used in the browser; it must
 * run before the first parse, which module order guarantees.
 */
import { z } from 'astro/zod';

z.config({ jitless: true });
