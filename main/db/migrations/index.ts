import type { Migration } from '../migration';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-shop-cache';

/** Every migration, in order. The last one's version is the head schema this build understands. */
export const migrations: readonly Migration[] = [migration0010, migration0020];
