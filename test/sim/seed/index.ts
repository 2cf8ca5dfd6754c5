import type { MoodleSite } from '../site';
import { seedCapturedSite } from './captured-site';

/**
 * Puts state into a new site before it serves. Seeders run in order, in one transaction, before the HTTP
 * server starts; they write through lib/ (createUser, createCourse, enrolUser...) or insertRecord(), and
 * draw any randomness from site.random() so that `--seed` reproduces a run.
 */
export type Seeder = (site: MoodleSite) => void;

/**
 * What `startSimulatedSite()` and the CLI load when not told otherwise. Demo data (bills, catalogs...) goes
 * here, after the captured site. The fidelity test does not use this list: it seeds the captured site only,
 * so that ids and listings stay those of the captures.
 */
export const DEFAULT_SEEDERS: readonly Seeder[] = [seedCapturedSite];
