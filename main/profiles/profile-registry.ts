import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { type Profile } from '../../shared/contract';
import type { DataDir } from '../core/data-dir';
import { readJsonFile, writeJsonFileAtomic } from '../core/json-file';
import type { Logger } from '../core/logger';
import type { SecretStore } from './secret-store';
import { refusal } from '../../shared/errors/error-text';

const storedProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string(),
  url: z.string(),
  createdAt: z.number().int(),
});
type StoredProfile = z.infer<typeof storedProfileSchema>;

const registrySchema = z.object({
  version: z.literal(1),
  profiles: z.array(storedProfileSchema),
  activeId: z.string().nullable(),
});
type Registry = z.infer<typeof registrySchema>;

/** The list of site profiles (profiles.json) and their tokens (the secret store). Tokens never leave here except to the Moodle client. */
export class ProfileRegistry {
  constructor(
    private readonly dataDir: DataDir,
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
  ) {}

  list(): { profiles: Profile[]; activeId: string | null } {
    const registry = this.load();
    return { profiles: registry.profiles.map((p) => this.toProfile(p)), activeId: registry.activeId };
  }

  get(id: string): Profile {
    return this.toProfile(this.find(this.load(), id));
  }

  active(): Profile | null {
    const registry = this.load();
    const stored = registry.profiles.find((p) => p.id === registry.activeId);
    return stored ? this.toProfile(stored) : null;
  }

  create(input: { name: string; url: string; token: string }): Profile {
    const registry = this.load();
    this.assertNameFree(registry, input.name);
    const stored: StoredProfile = { id: makeId(input.name), name: input.name, url: input.url, createdAt: Date.now() };
    // The token first: a profile listed without its token would look broken after a crash.
    this.secrets.write(this.dataDir.profileDir(stored.id), input.token);
    registry.profiles.push(stored);
    if (!registry.activeId) registry.activeId = stored.id;
    this.save(registry);
    return this.toProfile(stored);
  }

  update(input: { id: string; name?: string; url?: string; token?: string }): Profile {
    const registry = this.load();
    const stored = this.find(registry, input.id);
    if (input.name !== undefined && input.name.toLocaleLowerCase() !== stored.name.toLocaleLowerCase())
      this.assertNameFree(registry, input.name);
    if (input.token !== undefined) this.secrets.write(this.dataDir.profileDir(stored.id), input.token);
    if (input.name !== undefined) stored.name = input.name;
    if (input.url !== undefined) stored.url = input.url;
    this.save(registry);
    return this.toProfile(stored);
  }

  /** Forgets the profile and its token; the cache folder is renamed, not deleted, so unsent edits survive a slip. */
  remove(id: string): { keptFolder: string } {
    const registry = this.load();
    this.find(registry, id);
    const dir = this.dataDir.profileDir(id);
    this.secrets.remove(dir);
    const keptFolder = `${dir}.removed-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (fs.existsSync(dir)) fs.renameSync(dir, keptFolder);
    registry.profiles = registry.profiles.filter((p) => p.id !== id);
    if (registry.activeId === id) registry.activeId = registry.profiles[0]?.id ?? null;
    this.save(registry);
    return { keptFolder };
  }

  select(id: string): void {
    const registry = this.load();
    this.find(registry, id);
    registry.activeId = id;
    this.save(registry);
  }

  /** The token of a saved profile, for the Moodle client only. */
  token(id: string): string {
    const token = this.secrets.read(this.dataDir.profileDir(id));
    if (!token) throw refusal('token_missing', 'profile.noToken', {});
    return token;
  }

  private toProfile(stored: StoredProfile): Profile {
    return { ...stored, hasToken: this.secrets.has(this.dataDir.profileDir(stored.id)) };
  }

  private find(registry: Registry, id: string): StoredProfile {
    const stored = registry.profiles.find((p) => p.id === id);
    if (!stored) throw refusal('profile_not_found', 'profile.notFound', { id });
    return stored;
  }

  private assertNameFree(registry: Registry, name: string): void {
    if (registry.profiles.some((p) => p.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw refusal('profile_name_taken', 'profile.nameTaken', { name }, { field: 'name' });
    }
  }

  private load(): Registry {
    return readJsonFile(
      this.dataDir.profilesFile,
      registrySchema,
      () => ({ version: 1 as const, profiles: [], activeId: null }),
      (message) => this.logger.warn(message),
    );
  }

  private save(registry: Registry): void {
    writeJsonFileAtomic(this.dataDir.profilesFile, registry);
  }
}

/** A readable, unique folder name: "Formation Été" becomes "formation-ete-3fa9c1". */
function makeId(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'site'}-${randomBytes(3).toString('hex')}`;
}
