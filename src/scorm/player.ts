/**
 * The SCORM package's script (bundled into the package's `player.js` by `kit.ts`): reads the
 * assignment that `assignment.js` put on `globalThis.scormAssignment`, finds the LMS's SCORM 1.2
 * API in the frames above (or none) and mounts the player in place of the launch page's message.
 */
import { mount } from 'svelte';
import '../styles/global.css';
import Player from './Player.svelte';
import { findApi, type ApiHost } from '../lib/scorm/runtime.ts';
import { launchPlayer } from '../lib/scorm/launch.ts';
import { now } from '../lib/clock.ts';
import type { PackagedAssignment } from '../lib/scorm/package.ts';

const target = document.getElementById('player');
const data = (globalThis as { scormAssignment?: Partial<PackagedAssignment> }).scormAssignment;
if (target && data?.v === 1 && data.spec && Array.isArray(data.questions)) {
  target.replaceChildren();
  const launch = launchPlayer(data as PackagedAssignment, findApi(window as ApiHost), now());
  mount(Player, { target, props: { launch } });
} else if (target) {
  target.querySelector('p')!.textContent =
    'This package is damaged: its questions could not be read. Ask your teacher for a new copy.';
}
