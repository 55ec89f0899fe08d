import type { EntityManager, EventArgs, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer, type PermissionRegistry } from './auth.js';
import type { Permission } from './permissions.js';
import { forbidden, invalidToken, unauthenticated } from './errors.js';
import { sameViewer } from './viewers.js';
import { runReactions, type EventDispatcher, type EventDefinition, type EventPayload, type PublishOptions } from './events.js';
import { insertEvents, type EmittedEvent, type StoredEvent } from './outbox.js';
import type { Logger } from './logger.js';
import type { ModuleManifest, NodeFetcher } from './module.js';
import type { Config } from './config.js';
import type { PubSub } from './pubsub.js';
import type { VisibilityRules } from './kit/visibility.js';
import { forgetScope } from './kit/scope.js';
import { checkIdempotencyKey, claimIdempotencyKey, idempotencyIdentity, storeIdempotentResult, type IdempotencyOptions } from './idempotency.js';

/** What lives as long as the process: shared by every operation. */
export interface Gateway {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  modules: readonly ModuleManifest[];
  permissions: PermissionRegistry;
  /** Delivers committed events (server/events.ts). */
  events: EventDispatcher;
  /** Where subscriptions listen (memory, or Redis across processes). */
  pubSub: PubSub;
  nodes: ReadonlyMap<string, NodeFetcher>;
  /** Who may see what (the modules' `visibility`), applied by the kit on every read path. */
  visibility: VisibilityRules;
}

/**
 * Inside `ctx.transaction`: the transaction's EntityManager (also `ctx.em` while it runs, so the kit's
 * reads and loaders read inside it), and `publish`, which writes an event in the transaction, delivered
 * after commit.
 */
export interface Transaction {
  em: SqlEntityManager;
  /** Writes `payload` as an event of `event` in this transaction (server/events.ts); its stream: `options.stream`, else the definition's. */
  publish<P extends EventPayload>(event: EventDefinition<P>, payload: NoInfer<P>, options?: PublishOptions): void;
  /** Runs `fn` once the transaction has committed (never if it rolls back), before `ctx.transaction` returns; its error is logged. */
  afterCommit(fn: () => void | Promise<void>): void;
  /** Runs `fn` if the transaction rolls back (to undo what it did outside the database), before `ctx.transaction` throws; its error is logged. */
  afterRollback(fn: () => void | Promise<void>): void;
}

/** The context each transaction runs for (`contextOf`). */
const transactionContexts = new WeakMap<Transaction, Context>();

/** The context whose `ctx.transaction` gave `tx` (its viewer, gateway and logger): for the kit's helpers taking `ctx | tx`. */
export function contextOf(tx: Transaction): Context {
  const ctx = transactionContexts.get(tx);
  if (!ctx) throw new Error('Not a transaction of ctx.transaction');
  return ctx;
}

/** A write (a transaction or a flush) in a query operation, outside production (see Context.readOnly). */
export class WriteInQueryError extends Error {
  constructor(what: string) {
    super(`${what} in a query operation: queries are read-only (their remembered viewer is not confirmed before they run). Make the operation a mutation.`);
    this.name = 'WriteInQueryError';
  }
}

/** EntityManagers of read-only operations (a query's), for the flush guard (guardReadOnly). */
const readOnlyManagers = new WeakMap<EntityManager, Context>();

/**
 * Refuses a flush that writes on the EntityManager of a query operation (outside production, where it
 * is logged): queries run with a viewer whose token check is still under way (server/viewers.ts).
 */
export function guardReadOnly(orm: MikroORM): void {
  orm.em.getEventManager().registerSubscriber({
    onFlush: (args: EventArgs<unknown> & { uow?: { getChangeSets(): unknown[] } }) => {
      const ctx = readOnlyManagers.get(args.em);
      if (ctx?.readOnly && (args.uow?.getChangeSets().length ?? 0) > 0) ctx.refuseWrite('A flush');
    },
  } as never);
}

/**
 * Per operation (HTTP request, or one event pushed to a subscription): a fresh EntityManager fork,
 * the viewer and fresh DataLoaders. The global EntityManager is never used in an operation.
 *
 * The fork is made on first use of `em` (the kit's loaders hang on it, so they are lazy too): an idle
 * subscription's context, kept as long as its socket is open, then holds no unit of work (a fork and its
 * identity map weighed most of the ~30 KiB per idle connection the fan-out bench measured).
 */
export class Context {
  /** The operation's EntityManager, null until first used (see `em`). */
  private currentEm: SqlEntityManager | null = null;
  private currentViewer: Viewer;
  /**
   * The check of the bearer token, still under way, when the operation started with the viewer the
   * token had at its last request (see server/viewers.ts); null once confirmed, or when there is none.
   */
  private viewerCheck: Promise<Viewer | null> | null = null;
  private readOnlyOperation = false;
  /** The transaction under way (`ctx.transaction`), which nested calls join. */
  private currentTransaction: Transaction | null = null;
  /** Where this operation's answer leaves (set by the HTTP layer): see `afterAnswer`. */
  private answerHook: ((fn: () => void) => void) | null = null;

  constructor(
    readonly gateway: Gateway,
    viewer: Viewer,
    readonly requestId: string,
    readonly logger: Logger,
  ) {
    this.currentViewer = viewer;
    this.renew();
  }

  /** The operation's EntityManager: a fork of the global one, made on first use (the transaction's inside `ctx.transaction`). */
  get em(): SqlEntityManager {
    if (!this.currentEm) {
      this.currentEm = this.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
      if (this.readOnlyOperation) readOnlyManagers.set(this.currentEm, this);
    }
    return this.currentEm;
  }

  set em(em: SqlEntityManager) {
    this.currentEm = em;
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

  /**
   * True in a query operation (set by the executor): a transaction or a flush that writes throws
   * WriteInQueryError, except in production, where it is logged. A query may run with a remembered
   * viewer whose token check is still under way; a write must never ride on it.
   */
  get readOnly(): boolean {
    return this.readOnlyOperation;
  }

  set readOnly(value: boolean) {
    this.readOnlyOperation = value;
    if (value && this.currentEm) readOnlyManagers.set(this.currentEm, this); // a fork made later is registered when made
  }

  /** Throws WriteInQueryError (logged instead in production). */
  refuseWrite(what: string): void {
    const error = new WriteInQueryError(what);
    if (process.env.NODE_ENV === 'production') this.logger.error({ err: error }, 'write in a query operation');
    else throw error;
  }

  /**
   * Starts a fresh unit of work: a new EntityManager fork (made on first use), so new kit loaders too (per
   * subscription event); what the previous one held is released.
   */
  renew(): void {
    this.currentEm = null;
  }

  /**
   * Tells the context how to run work once its answer has left (the HTTP layer: when the response is
   * written, or the connection closed). Without it, `afterAnswer` runs at once.
   */
  answersThrough(hook: (fn: () => void) => void): void {
    this.answerHook = hook;
  }

  /**
   * Runs `fn` once the operation's answer has left, or at once when nothing tells when it does. The
   * dispatcher's kick after a commit goes through it: live subscribers (thousands of screens on one
   * session) are served after the caller has its answer, not before it (issue 13's fan-out bench).
   */
  afterAnswer(fn: () => void): void {
    if (this.answerHook) this.answerHook(fn);
    else fn();
  }

  /** True when the viewer holds `permission` (see module manifests). */
  can(permission: Permission): boolean {
    return this.gateway.permissions.allows(this.viewer, permission);
  }

  /**
   * Goes on only when the viewer holds `permission`, as `@Authorized` does for an operation: UNAUTHENTICATED
   * (401 on a route) without a token, FORBIDDEN (403) with one that lacks it. For module routes and the
   * paths a decorator does not cover.
   */
  require(permission: Permission): void {
    if (this.can(permission)) return;
    throw this.viewer.isAuthenticated ? forbidden() : unauthenticated();
  }

  /**
   * Runs `work` in one database transaction; events it publishes are written in it and delivered after
   * commit. A remembered viewer is confirmed first (its token checked again). While it runs, `ctx.em` is
   * the transaction's (`tx.em`), and so are the kit's loaders: PGlite has a single connection, so a read
   * outside the transaction would wait for it forever. A call inside a transaction joins it. After
   * commit, the context's kit loaders start afresh (what they cached may have changed).
   *
   * With `options.idempotencyKey` (and the `operation` it keys), the call is idempotent for the viewer
   * (server/idempotency.ts): when the same key was committed before, `work` does not run and the stored
   * result is returned; otherwise `work`'s result is stored with the key in this transaction. `work`
   * then returns a JSON value (ids, not entities: the resolver loads them), and the caller receives it
   * as JSON gives it back, first time or retry alike.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>, options?: IdempotencyOptions): Promise<T> {
    const idempotent = checkIdempotencyKey(options);
    if (idempotent) return this.idempotentTransaction(work, idempotent);
    if (this.currentTransaction) return work(this.currentTransaction);
    if (this.readOnlyOperation) this.refuseWrite('Context.transaction');
    // A write never rides on a remembered viewer: the token check is awaited (the executor does it
    // before mutations; this covers every other path).
    if (this.viewerCheck && (await this.confirmViewer())) {
      throw new Error('Context.transaction: the viewer changed while the operation ran; what it decided for the old one no longer holds');
    }
    const pending: EmittedEvent[] = [];
    const committed: (() => void | Promise<void>)[] = [];
    const rolledBack: (() => void | Promise<void>)[] = [];
    const outer = { em: this.em };
    let result: T;
    try {
      result = await outer.em.transactional(async (em) => {
        const txEm = em as SqlEntityManager;
        const tx: Transaction = {
          em: txEm,
          publish: (event, payload, options) => void pending.push({ name: event.name, payload, stream: options?.stream ?? event.stream?.(payload) ?? null }),
          afterCommit: (fn) => void committed.push(fn),
          afterRollback: (fn) => void rolledBack.push(fn),
        };
        transactionContexts.set(tx, this);
        this.currentTransaction = tx;
        this.em = txEm;
        const value = await work(tx);
        await runReactions(this.gateway.modules, pending, tx); // the manifests' `reactions`, in this transaction
        if (pending.length > 0) await insertEvents(txEm, pending);
        return value;
      });
    } catch (err) {
      await this.runEach(rolledBack, 'after-rollback');
      throw err;
    } finally {
      this.currentTransaction = null;
      this.em = outer.em;
      forgetScope(outer.em);
    }
    // Delivered once the answer has left (durability does not depend on it: the events are committed,
    // and the dispatcher's poll or any other kick delivers them if this one never runs).
    if (pending.length > 0) this.gateway.events.kickAfter((fn) => this.afterAnswer(fn));
    await this.runEach(committed, 'after-commit');
    return result;
  }

  /** `transaction` under an idempotency key: claims it first, runs `work` only when this call is the first. */
  private async idempotentTransaction<T>(work: (tx: Transaction) => Promise<T>, { operation, key, fingerprint }: { operation: string; key: string; fingerprint: string }): Promise<T> {
    const identity = idempotencyIdentity(this.viewer);
    return this.transaction(async (tx) => {
      const claim = await claimIdempotencyKey(tx.em, identity, operation, key, fingerprint);
      if (!claim.claimed) return claim.result as T;
      const json = JSON.stringify((await work(tx)) ?? null);
      await storeIdempotentResult(tx.em, identity, operation, key, json);
      return JSON.parse(json) as T;
    });
  }

  /** Runs a transaction's callbacks; one that throws is logged and the others still run. */
  private async runEach(callbacks: readonly (() => void | Promise<void>)[], what: string): Promise<void> {
    for (const fn of callbacks) {
      try {
        await fn();
      } catch (err) {
        this.logger.error({ err }, `${what} callback failed`);
      }
    }
  }
}

/**
 * The context of a subscriber running one event (server/events.ts): an operation of its own, as the
 * system viewer (no person; administrator rights), with the event's id as its idempotency key.
 */
export class EventContext extends Context {
  constructor(
    gateway: Gateway,
    readonly event: StoredEvent,
    logger: Logger,
  ) {
    super(gateway, Viewer.system(), `event:${event.id}`, logger);
  }

  /** The event's id: the key that makes a handler idempotent (it may run more than once). */
  get eventId(): string {
    return this.event.id;
  }

  /** Publishes one event durably, in a transaction of its own (within `ctx.transaction`, use `tx.publish`). */
  async publish<P extends EventPayload>(event: EventDefinition<P>, payload: NoInfer<P>, options?: PublishOptions): Promise<void> {
    await this.transaction(async (tx) => tx.publish(event, payload, options));
  }
}
