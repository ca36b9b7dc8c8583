import type { Scenario } from '../harness/types.js';
import { bigWave } from './big-wave.js';
import { cafe } from './cafe.js';
import { cafeFloor } from './cafe-floor.js';
import { docLoad } from './doc-load.js';
import { drop } from './drop.js';
import { idle } from './idle.js';
import { liveEditing } from './live-editing.js';
import { moderation } from './moderation.js';
import { relayFloor } from './relay-floor.js';
import { storage } from './storage.js';
import { storm } from './storm.js';
import { widget } from './widget.js';

/** Every scenario `npm run bench` knows, in the order it runs them. */
export const SCENARIOS: readonly Scenario[] = [docLoad, storage, liveEditing, bigWave, moderation, cafe, cafeFloor, idle, storm, drop, relayFloor, widget];
