// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
// Pagefind index and service worker, written after the build (see the module).
import study from './src/integrations/study.ts';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops the line break between a word and a following inline element, so
  // "made with\n<a>Build an assignment</a>" renders as "made withBuild an assignment". `true` keeps the
  // lossless whitespace collapsing of earlier versions, which is what prose written in HTML expects.
  compressHTML: true,
  integrations: [mdx(), svelte(), study()],
});
