/**
 * The one contract between the renderer and the core. Every transport (Electron IPC, browser-mode HTTP,
 * the CLI) is generated from this registry, so a command exists once and is validated the same way
 * everywhere. Types are inferred from the schemas, never written by hand.
 */
import type { z } from 'zod';
import { appCommands, appEvents } from './app';
import { auditCommands, auditEvents } from './audit';
import { billsCommands, billsEvents } from './bills';
import { catalogsCommands } from './catalogs';
import { customersCommands } from './customers';
import { dashboardCommands } from './dashboard';
import { exportsCommands, exportsEvents } from './exports';
import { followupCommands } from './followup';
import { invoicingCommands } from './invoicing';
import { letteringCommands, letteringEvents } from './lettering';
import { productionCommands, productionEvents } from './production';
import { profilesCacheCommands, profilesCommands, profilesEvents } from './profiles';
import { settingsCommands, settingsEvents } from './settings';
import { syncCommands, syncEvents } from './sync';
import { uploadsCommands } from './uploads';

export const commands = {
  ...appCommands,
  ...auditCommands,
  ...billsCommands,
  ...catalogsCommands,
  ...customersCommands,
  ...dashboardCommands,
  ...exportsCommands,
  ...followupCommands,
  ...invoicingCommands,
  ...letteringCommands,
  ...productionCommands,
  ...profilesCommands,
  ...profilesCacheCommands,
  ...settingsCommands,
  ...syncCommands,
  ...uploadsCommands,
} as const;

export const events = {
  ...appEvents,
  ...auditEvents,
  ...billsEvents,
  ...exportsEvents,
  ...letteringEvents,
  ...productionEvents,
  ...profilesEvents,
  ...settingsEvents,
  ...syncEvents,
} as const;

export type Commands = typeof commands;
export type Events = typeof events;
export type CommandName = keyof Commands;
export type EventName = keyof Events;

/** What a caller sends (before defaults and transforms). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a command receives (after parsing). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The API the renderer sees, whatever the transport. */
export interface BackofficeApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  on<E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void): () => void;
}

export * from './errors';
export type { Result } from './result';
export type { AppStatus, ConnectionState, RunMode } from './app';
export type { KeptCache, Profile, ShopPluginState, SiteCheck } from './profiles';
export type { Settings } from './settings';
export type { BillColumn, BillDetail, BillFilter, BillRow } from './bills';
export type { CustomerDetail, CustomerRow } from './customers';
export type { DashboardQuery, DashboardSummary } from './dashboard';
export type { CacheSite, OutboxEntryView, SyncProgress, SyncRun, SyncStatus } from './sync';
export type { ChangeDescription, ChangeSubject, FieldChange, SentChange, UndoReason } from './sync';
export * from './bridge';
export * from './desktop';
