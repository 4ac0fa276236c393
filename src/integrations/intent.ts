/**
 * Registers the `client:intent` directive (src/client/intent.ts): quiz islands hydrate when the
 * learner starts answering, or on idle when this browser has something of theirs to show.
 * Usage: `<Island client:intent={questionIds.join(' ')} … />`.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function intent(): AstroIntegration {
  return {
    name: 'eoc-intent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'intent',
          entrypoint: fileURLToPath(new URL('../client/intent.ts', import.meta.url)),
        });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the learner's first use, or on idle when they have saved state; the value lists the question ids, space-separated. */
    'client:intent'?: string;
  }
}
