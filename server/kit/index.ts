/*
 * The module kit: the one door from modules to the server. A module reads, shows and changes data
 * through what this file exports, and imports nothing else of server/ (the architecture test and the
 * lint rule hold it). See docs/modules.md.
 */
export { list, find, orderBy, type ListOptions, type Order } from './list.js';
export { load, loadMany, loadChildren, related, once } from './loaders.js';
export { Needs } from './fields.js';
export { UuidEntity } from './node-entity.js';
export { KeysOf } from './entities.js';
export { SearchText } from './search.js';
export { LocalDateType, todayInFrance, isWithin, yearsBetween } from './local-date.js';
export { registerLabelledEnum } from './enums.js';
export { applyChanges } from './changes.js';
export { refreshStatistics } from './statement.js';
export { visibleTo, matches, type VisibilityRule, type Rights, type RowRule } from './visibility.js';
export { type ResolverHook, type ResolverCall } from './schema.js';
export { platformReader, type KitContext } from './scope.js';
export { renderPdf, escapeHtml } from './documents.js';
export { toCsv, toXlsx, neutralizeFormula, CSV_TYPE, XLSX_TYPE, type Column } from './tabular.js';
// Periodic tasks for a manifest's `periodicTasks`: every n ms or daily at a time of Paris, once across processes.
export { definePeriodicTask, type PeriodicTask } from './periodic.js';
// Background jobs: started in an operation, run after its commit, progress pushed to `backgroundJobChanged(id)`.
export { startJob, type JobHandle, type JobSpec } from './jobs.js';
export { BackgroundJob, JobStatus } from './job.entity.js';
// Stored files: checked (size, type confirmed by content), kept under FILES_DIR, recorded in the transaction.
export { storeFile, readStoredFile, deleteStoredFile, FileType, type StoreFileInput, type StoredFileContent } from './files.js';
export { StoredFile } from './stored-file.entity.js';

// What else modules need of server/, re-exported so that this file stays their one door.
// Manifests and demo data.
export {
  defineModule,
  type ModuleManifest,
  type ModuleRoute,
  type RouteRequest,
  type Download,
  type DemoContext,
  type DemoResult,
  type ReferenceContext,
  type ReferenceResult,
  type NodeFetcher,
} from '../module.js';
// The operation's context and its transactions (`ctx.transaction(tx => …)`, `tx.em`, `tx.publish`).
export { contextOf, type Context, type Transaction } from '../context.js';
// Idempotent mutations: `ctx.transaction(fn, { idempotencyKey, operation })` returns the first result to a retry.
export { IDEMPOTENCY_KEY_MAX, type IdempotencyOptions } from '../idempotency.js';
// Typed permissions: `definePermissions` in <module>.permissions.ts, this `Authorized` (never type-graphql's).
export { definePermissions, Authorized, type Permission } from '../permissions.js';
// Events: defined once, published in a transaction, delivered after commit; `subscribeTo` for GraphQL subscriptions.
export { defineEvent, on, subscribeTo, type EventDefinition, type EventPayload, type EventSubscriber, type StoredEvent } from '../events.js';
// Reactions inside the publishing transaction, for a manifest's `reactions`: `within(Event, async (payload, tx) => …)`.
export { within, type EventReaction, type ReactionHandler } from '../events.js';
// Live streams: `followStream(ctx, stream, after)` replays a stream's events after seq `after`, then follows live (no gap, no duplicate).
export { followStream, lastSeqOf, type FollowOptions } from './follow.js';
// Presence: `trackPresence(ctx, topic, iterable)` wraps a subscription (present while it runs), `presenceOf(ctx, topic)` lists who is, across processes;
// each change is pushed live as `PresenceChanged` ({ topic }).
export { trackPresence, presenceOf, PresenceChanged, type Presence } from './presence.js';
// Relay: Node and global ids, connections and their arguments.
export { Node, toGlobalId, fromGlobalId, decodeId, decodeIds, connectionType, toConnection, ConnectionArgs, PageInfo, type Page } from '../relay.js';
// Errors people read (French messages): bad input names its field.
export { AppError, ErrorCode, badInput, notFound, conflict, forbidden, invalidToken, serviceUnavailable } from '../errors.js';
// The declared maximum of an unpaged list field (what the query cost charges, what the kit reads).
export { MaxItems } from '../limits.js';
// Who calls: the viewer, its memberships and roles.
export { Viewer, MembershipRole, type PlatformRole, type ViewerMembership } from '../auth.js';
// Text: search keys (lower case, no accents), slugs, `$like` patterns.
export { searchKey, slugify, containsPattern } from '../text.js';
// Input classes: `OmitOrSet` (a field left out, or set, possibly to null); `inputProblems` checks an input built
// outside GraphQL (a row of an imported file) as its argument would be, returning the problems instead of throwing.
export { OmitOrSet, inputProblems } from '../validation.js';
// Demo data: a seeded random generator.
export { createRandom, type Random } from '../random.js';
