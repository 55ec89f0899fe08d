import { badInput, find, forbidden, loadMany, once, PageInfo, type Context, type Page } from '../../server/kit/index.js';
import { referenceDate } from '../platform/index.js';
import { Partner } from '../partners/index.js';
import { Sector } from '../sectors/index.js';
import { ContactPriorityWeights, WEIGHTS_ID } from './contact-priority.entity.js';
import type { ContactPriorityWeightsInput } from './contact-priority.inputs.js';
import { priorityInputs } from './radar.analytics.js';
import { rankPriorities, type PriorityResult } from './priority.js';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

const encode = (r: PriorityResult): string => Buffer.from(JSON.stringify([r.score, r.name, r.organizationId]), 'utf8').toString('base64url');
function decode(cursor: string): [number, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string') return value as [number, string, string];
  } catch {
    // fall through
  }
  throw badInput('after', 'Curseur invalide : reprenez la liste depuis le début.');
}
/** True when `r` ranks after the cursor's (score desc, name asc, id asc: rankPriorities' order). */
const after = (r: PriorityResult, [score, name, id]: [number, string, string]): boolean => r.score < score || (r.score === score && (r.name > name || (r.name === name && r.organizationId > id)));

export interface RankedPriority extends PriorityResult {
  rank: number;
}

/** The result with its rank; its reasons still written only when read (rankPriorities). */
const withRank = (r: PriorityResult, i: number): RankedPriority => ({
  organizationId: r.organizationId,
  name: r.name,
  score: r.score,
  level: r.level,
  rank: i + 1,
  get reasons() {
    return r.reasons;
  },
});

/** The weights in force: the stored row, else the defaults (read once per operation). */
function weights(ctx: Context): Promise<ContactPriorityWeights> {
  return once(ctx, 'radar.weights', async () => (await find(ctx, ContactPriorityWeights, { where: { id: WEIGHTS_ID }, orderBy: [['id', 'asc']], limit: 1 }))[0] ?? new ContactPriorityWeights());
}

export const ContactPriorityService = {
  weights,

  /**
   * A page of organizations ranked by contact priority (of a sector, or all), with their reasons: every
   * organization is read and scored in one statement, then ranked in memory; the page is a keyset on the ranking.
   */
  async page(ctx: Context, args: { first?: number | null; after?: string | null }, sectorCode: string | null): Promise<Page<RankedPriority>> {
    const first = args.first ?? DEFAULT_PAGE;
    if (first < 0 || first > MAX_PAGE) throw badInput('first', `first doit être compris entre 0 et ${MAX_PAGE}.`);
    const cursor = args.after ? decode(args.after) : null;
    const [w, today, inputs] = await Promise.all([weights(ctx), referenceDate(ctx), priorityInputs(ctx.em, sectorCode)]);
    const ranked = rankPriorities(inputs, w, w.prioritySectorCodes, today).map(withRank);
    const start = cursor ? ranked.findIndex((r) => after(r, cursor)) : 0;
    const from = start < 0 ? ranked.length : start;
    const slice = ranked.slice(from, from + first);
    const pageInfo = Object.assign(new PageInfo(), {
      hasNextPage: from + first < ranked.length,
      hasPreviousPage: from > 0,
      startCursor: slice[0] ? encode(slice[0]) : null,
      endCursor: slice.length ? encode(slice[slice.length - 1]!) : null,
    });
    return { edges: slice.map((node) => ({ cursor: encode(node), node })), pageInfo, count: () => Promise.resolve(ranked.length) };
  },

  /** Every ranked organization (exports): the same ranking as the pages. */
  async all(ctx: Context, sectorCode: string | null): Promise<RankedPriority[]> {
    const [w, today, inputs] = await Promise.all([weights(ctx), referenceDate(ctx), priorityInputs(ctx.em, sectorCode)]);
    return rankPriorities(inputs, w, w.prioritySectorCodes, today).map(withRank);
  },

  /** Changes the weights: administrators, or a manager of a partner sitting in the steering board. */
  async setWeights(ctx: Context, input: ContactPriorityWeightsInput): Promise<ContactPriorityWeights> {
    if (!ctx.viewer.isAdmin) {
      const managed = ctx.viewer.memberships.filter((m) => m.role === 'MANAGER').map((m) => m.partnerId);
      const board = managed.length ? await find(ctx, Partner, { where: { id: { $in: managed }, steeringBoard: true }, orderBy: [['id', 'asc']], limit: 1 }) : [];
      if (board.length === 0) throw forbidden();
    }
    if (input.risk + input.staleness + input.size + input.sector + input.stage === 0) throw badInput('input.risk', 'Au moins un poids doit être supérieur à 0.');
    const codes = [...new Set(input.prioritySectorCodes)];
    if (codes.length) {
      const known = new Set((await loadMany(ctx, Sector, codes)).filter((s): s is Sector => s !== null).map((s) => s.code));
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw badInput('input.prioritySectorCodes', `Filières inconnues : ${unknown.join(', ')}.`);
    }
    return ctx.transaction(async (tx) => {
      const row = (await tx.em.findOne(ContactPriorityWeights, WEIGHTS_ID)) ?? tx.em.create(ContactPriorityWeights, { id: WEIGHTS_ID });
      Object.assign(row, { risk: input.risk, staleness: input.staleness, size: input.size, sector: input.sector, stage: input.stage, prioritySectorCodes: codes });
      await tx.em.flush();
      return row;
    });
  },
};
