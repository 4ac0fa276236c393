// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
// Pagefind index and service worker, written after the build (see the module).
import study from './src/integrations/study.ts';
// `client:intent`: quiz islands hydrate on the learner's first use (see the module).
import intent from './src/integrations/intent.ts';
// The SCORM package's player and schema files, for the assignment builder (see the module).
import scorm from './src/integrations/scorm.ts';
// A Content-Security-Policy meta tag on every built page, with the hashes of its inline code (see the module).
import csp from './src/integrations/csp.ts';
// Fails the build if a built page or the search index shows an address, channel link, handle or hashtag.
import safety from './src/integrations/safety.ts';
// Fails the build when a final-assessment item appears on any page but /assessment/ (see the module).
import poolGuard from './src/integrations/pool-guard.ts';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops the line break between a word and a following inline element, so
  // "made with\n<a>Build an assignment</a>" renders as "made withBuild an assignment". `true` keeps the
  // lossless whitespace collapsing of earlier versions, which is what prose written in HTML expects.
  compressHTML: true,
  // discloseVersion: no separate chunk announcing Svelte's version (one request fewer on a quiz's first use).
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that the bundler warns it
        // may drop (withastro/astro#18087, open): one warning per lesson, some 110 per build at
        // 1,100 lessons, none of them actionable here. Only that warning is filtered.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    mdx(),
    svelte({ compilerOptions: { discloseVersion: false } }),
    intent(),
    scorm(),
    poolGuard(),
    csp(),
    study(),
    safety(),
  ],
});
