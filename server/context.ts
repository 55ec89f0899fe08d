import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer, PermissionRegistry } from './auth.js';
import type { Permission } from './permissions.js';
import { invalidToken } from './errors.js';
import { sameViewer } from './viewers.js';
import type { EventBus, EventDefinition, EventPayload, EmittedEvent } from './events.js';
import type { Logger } from './logger.js';
import type { ModuleManifest, NodeFetcher } from './module.js';
import type { Config } from './config.js';
import type { PubSub } from './pubsub.js';
import type { VisibilityRules } from './kit/visibility.js';

/**
 * DataLoaders of every module, created afresh per operation. Each module adds its own keys by
 * declaration merging in its loader files:
 *
 * ```ts
 * declare module '../../server/context.js' { interface Loaders { communeById: DataLoader<string, Commune | null> } }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** What lives as long as the process: shared by every operation. */
export interface Gateway {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  modules: readonly ModuleManifest[];
  permissions: PermissionRegistry;
  events: EventBus;
  /** Where subscriptions listen (memory, or Redis across processes). */
  pubSub: PubSub;
  nodes: ReadonlyMap<string, NodeFetcher>;
  /** Who may see what (the modules' `visibility`), applied by the kit on every read path. */
  visibility: VisibilityRules;
}

/** Inside `ctx.transaction`: the transaction's EntityManager and the events to deliver after commit. */
export interface Transaction {
  em: SqlEntityManager;
  viewer: Viewer;
  publish<P extends EventPayload>(event: EventDefinition<P>, payload: P): void;
}

/**
 * Per operation (HTTP request, or one event pushed to a subscription): a fresh EntityManager fork,
 * the viewer and fresh DataLoaders. The global EntityManager is never used in an operation.
 */
export class Context {
  em!: SqlEntityManager;
  loaders!: Loaders;
  private currentViewer: Viewer;
  /**
   * The check of the bearer token, still under way, when the operation started with the viewer the
   * token had at its last request (see server/viewers.ts); null once confirmed, or when there is none.
   */
  private viewerCheck: Promise<Viewer | null> | null = null;

  constructor(
    readonly gateway: Gateway,
    viewer: Viewer,
    readonly requestId: string,
    readonly logger: Logger,
  ) {
    this.currentViewer = viewer;
    this.renew();
  }

  /** Who is calling. */
  get viewer(): Viewer {
    return this.currentViewer;
  }

  /** Starts with a remembered viewer while `check` (issued on this context's EntityManager) confirms it. */
  startSpeculative(check: Promise<Viewer | null>): void {
    this.viewerCheck = check;
    check.catch(() => undefined); // awaited, with its error, by confirmViewer
  }

  /** True while the viewer is a remembered one whose token check has not been awaited. */
  get viewerUnconfirmed(): boolean {
    return this.viewerCheck !== null;
  }

  /**
   * Waits for the token check of a remembered viewer. Throws UNAUTHENTICATED (401) when the token is no
   * longer valid; returns true when the viewer changed, after starting afresh with the new one (what was
   * read for the old one must be read again); false when the viewer stands.
   */
  async confirmViewer(): Promise<boolean> {
    const check = this.viewerCheck;
    if (!check) return false;
    this.viewerCheck = null;
    const fresh = await check;
    if (!fresh) throw invalidToken();
    if (sameViewer(fresh, this.currentViewer)) return false;
    this.currentViewer = fresh;
    this.renew();
    return true;
  }

  /** Starts a fresh unit of work: new EntityManager fork, new loaders (per subscription event). */
  renew(): void {
    this.em = this.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
    this.loaders = lazyLoaders(this.gateway.modules, this.em);
  }

  /** True when the viewer holds `permission` (see module manifests). */
  can(permission: Permission): boolean {
    return this.gateway.permissions.allows(this.viewer, permission);
  }

  /**
   * Runs `work` in one database transaction; events it publishes are delivered after commit only.
   * Use `tx.em` inside: PGlite has a single connection, so `ctx.em` would wait for it.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    // The executor confirms the viewer before any mutation starts; a write never rides on a guess.
    if (this.viewerCheck) throw new Error('Context.transaction before the viewer was confirmed');
    const pending: EmittedEvent[] = [];
    const result = await this.em.transactional(async (em) =>
      work({
        em: em as SqlEntityManager,
        viewer: this.viewer,
        publish: (event, payload) => pending.push({ name: event.name, payload }),
      }),
    );
    if (pending.length > 0) await this.gateway.events.dispatch(pending);
    return result;
  }
}

/** Per module list: a prototype whose getters create a module's loaders on first use. */
const loaderPrototypes = new WeakMap<readonly ModuleManifest[], object>();
const EM = Symbol('em');

/**
 * The loaders of one operation. Each module's loaders are created when the operation first uses one of
 * them (an operation touches few modules; creating every module's loaders cost measurable CPU per request).
 */
function lazyLoaders(modules: readonly ModuleManifest[], em: SqlEntityManager): Loaders {
  let proto = loaderPrototypes.get(modules);
  if (!proto) {
    proto = {};
    for (const m of modules) {
      const create = m.loaders;
      if (!create) continue;
      // The keys come from one throwaway set, created once per process (with the first operation's
      // EntityManager; a loader does nothing until used).
      for (const key of Object.keys(create(em))) {
        Object.defineProperty(proto, key, {
          get(this: Loaders & { [EM]: SqlEntityManager }) {
            const created = create(this[EM]);
            for (const [k, loader] of Object.entries(created)) Object.defineProperty(this, k, { value: loader, enumerable: true });
            return (created as Record<string, unknown>)[key];
          },
        });
      }
    }
    loaderPrototypes.set(modules, proto);
  }
  const loaders = Object.create(proto) as Loaders & { [EM]: SqlEntityManager };
  loaders[EM] = em;
  return loaders;
}
