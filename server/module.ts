import type { Readable } from 'node:stream';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth.js';
import type { EventReaction, EventSubscriber } from './events.js';
import type { Logger } from './logger.js';
import type { Permission, PermissionSet } from './permissions.js';
import type { Context } from './context.js';
import type { VisibilityRule } from './kit/visibility.js';
import type { ResolverHook } from './kit/schema.js';
import type { PeriodicTask } from './kit/periodic.js';

/** Fetches one record for `node(id)`, applying the same checks as the field that exposes it. */
export type NodeFetcher = (ctx: Context, id: string) => Promise<object | null>;

/** What a module route answers: bytes (or text) with their type; `filename` makes it an attachment. */
export interface Download {
  contentType: string;
  /** Bytes, text, or a stream (a stored file's: `readStoredFile`), sent as it is read. */
  body: string | Uint8Array | Readable;
  /** A stream's length in bytes, when known (sent as Content-Length). */
  length?: number;
  /** When set, the answer is a download (`Content-Disposition: attachment`) under this name. */
  filename?: string;
}

/** What a module route receives of its HTTP request. */
export interface RouteRequest {
  /** The path's parameters (`:id`). */
  params: Record<string, string>;
  /** The query string (the first value of a repeated parameter). */
  query: Record<string, string>;
  /** POST only: the raw body (at most the route's `maxBytes`); null for GET. */
  body: Buffer | null;
  contentType: string | null;
}

/**
 * A download or upload over plain HTTP, at `/files/<module>/<path>`: the same bearer token as GraphQL,
 * the same Context (viewer, em, loaders, visibility). `handle` answers a Download, or null for 404; an
 * AppError answers its HTTP status with `{ error: { code, message, field? } }` (server/http.ts).
 */
export interface ModuleRoute {
  method: 'GET' | 'POST';
  /** Express-style path under /files/<module-name>, e.g. '/organizations/:id/radar.svg'. */
  path: string;
  /** POST only: the largest body accepted (bytes); the body arrives raw as `request.body` (Buffer). */
  maxBytes?: number;
  /** The permission the caller must hold, checked before anything is read (UNAUTHENTICATED or FORBIDDEN); set it on uploads. */
  permission?: Permission;
  handle(ctx: Context, request: RouteRequest): Promise<Download | null>;
}

/** How much demo data to load; benchmarks ask for more. */
/** Demo data at another size than the demo's (benchmarks, tests); what is left out keeps the demo's. */
export interface DemoScale {
  organizations: number;
  /** Exactly this many employers; by default the share the generated activities give. */
  employers?: number;
  /** Generated partners instead of the real ones. */
  partners?: number;
}

export interface DemoContext {
  em: SqlEntityManager;
  logger: Logger;
  scale: DemoScale | null;
}

/** What a module's demo loader may tell the person who started the server. */
export interface DemoResult {
  lines?: string[];
}

export interface ReferenceContext {
  em: SqlEntityManager;
  logger: Logger;
}

/** What a reference loader tells the operator (what it added). */
export interface ReferenceResult {
  lines?: string[];
}

/**
 * A module's one public registration: open its `index.ts` and you see the whole module.
 * Nothing is discovered by globbing.
 */
export interface ModuleManifest {
  /** kebab-case name, as in `MODULES=`. */
  name: string;
  /** One line on what the module brings. */
  description: string;
  /** Modules this one needs; the graph stays acyclic. */
  dependsOn: readonly string[];
  entities: readonly EntityClass<object>[];
  resolvers: readonly Function[];
  /** The module's permissions, from `definePermissions(name, …)`: the roles that hold each (admins hold all). */
  permissions?: PermissionSet;
  /**
   * `node(id)` fetchers by GraphQL type name, for types that need more than the default: every entity of
   * `entities` whose type implements Node is fetched by key through the kit, with its visibility.
   */
  nodes?: Readonly<Record<string, NodeFetcher>>;
  /**
   * Who may see this module's entities and confidential fields (see server/kit/visibility.ts): applied
   * by the kit on every read path. An entity without a rule is visible to everyone who may call the API.
   */
  visibility?: readonly VisibilityRule[];
  /** Hooks around every resolver (tracing, audit), outermost first. */
  hooks?: readonly ResolverHook[];
  /**
   * Reactions to events (this module's or its dependencies'): `on(Event, async (payload, ctx) => …)`.
   * Durable: each runs after commit, at least once (again after a failure, with backoff, or after a
   * crash), in per-stream order; so it must be idempotent, keyed by `ctx.eventId`. `ctx` is a context of
   * its own (fresh `em` fork and loaders, the system viewer, a logger); write with `ctx.transaction` and
   * `tx.publish` there, or `ctx.publish(Event, payload)`. See server/events.ts.
   */
  subscribers?: readonly EventSubscriber[];
  /**
   * Reactions inside the publishing transaction (this module's events or its dependencies'):
   * `within(Event, async (payload, tx) => …)` runs before commit on the publisher's `tx` (`tx.em`,
   * `tx.publish` in the same transaction, `contextOf(tx)` for the caller's context); an error rolls the
   * change back. For what must be atomic with the change; the rest belongs in `subscribers`.
   */
  reactions?: readonly EventReaction[];
  /**
   * Work the server process runs on a schedule, once per scheduled time across processes:
   * `definePeriodicTask({ name: '<module>.<what>', every: ms | dailyAt: 'HH:MM' (Paris), run: async (ctx) => … })`.
   */
  periodicTasks?: readonly PeriodicTask[];
  /** Downloads and uploads over HTTP, at `/files/<module-name>/<path>` (see ModuleRoute). */
  routes?: readonly ModuleRoute[];
  /** Resolves a bearer token to a viewer (the accounts module); at most one module provides it. */
  authenticate?: (em: SqlEntityManager, token: string) => Promise<Viewer | null>;
  /** Loads demo data when the platform starts empty; must be idempotent. */
  demo?: (ctx: DemoContext) => Promise<DemoResult | void>;
  /**
   * Loads the reference data a real deployment needs (the perimeter, the sectors: never demo
   * organizations, partners or people); run by `npm run setup`. Adds what is missing, by natural key,
   * and never duplicates nor overwrites: running it again is harmless.
   */
  reference?: (ctx: ReferenceContext) => Promise<ReferenceResult | void>;
}

/** Declares a module; the identity function exists for type inference and one place to document. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  if (!/^[a-z][a-z0-9-]*$/.test(manifest.name)) throw new Error(`Module name "${manifest.name}" must be kebab-case`);
  return manifest;
}

export class ModuleGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleGraphError';
  }
}

/**
 * The enabled modules in dependency order. Refuses an unknown name, a dependency that is not enabled
 * and a cycle, each with a message naming the modules concerned.
 */
export function orderModules(available: readonly ModuleManifest[], enabled: readonly string[] | null = null): ModuleManifest[] {
  const byName = new Map<string, ModuleManifest>();
  for (const m of available) {
    if (byName.has(m.name)) throw new ModuleGraphError(`Two modules are named "${m.name}"`);
    byName.set(m.name, m);
  }
  const names = enabled ?? available.map((m) => m.name);
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new ModuleGraphError(`Unknown module(s): ${unknown.join(', ')}. Available: ${[...byName.keys()].join(', ')}`);
  }
  const chosen = new Set(names);
  for (const name of chosen) {
    const missing = byName.get(name)!.dependsOn.filter((d) => !chosen.has(d));
    if (missing.length > 0) {
      throw new ModuleGraphError(
        `Module "${name}" depends on ${missing.map((d) => `"${d}"`).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not enabled` +
          (byName.has(missing[0]!) ? ` (add ${missing.join(',')} to MODULES)` : ' (no such module)'),
      );
    }
  }

  const ordered: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new ModuleGraphError(`Module dependency cycle: ${cycle.join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const dep of byName.get(name)!.dependsOn) visit(dep, [...path, name]);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const name of [...chosen].sort()) visit(name, []);
  return ordered;
}

/** `names` and everything they depend on, for tests and tools that enable a part of the platform. */
export function withDependencies(available: readonly ModuleManifest[], names: readonly string[]): string[] {
  const byName = new Map(available.map((m) => [m.name, m]));
  const result = new Set<string>();
  const add = (name: string) => {
    if (result.has(name)) return;
    const m = byName.get(name);
    if (!m) throw new ModuleGraphError(`Unknown module "${name}"`);
    result.add(name);
    m.dependsOn.forEach(add);
  };
  names.forEach(add);
  return [...result];
}
