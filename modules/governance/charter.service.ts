import { LockMode, ref } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import {
  badInput,
  conflict,
  decodeId,
  find,
  forbidden,
  list,
  load,
  MembershipRole,
  notFound,
  todayInFrance,
  type ConnectionArgs,
  type Context,
  type Page,
  type Transaction,
} from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Membership, Person } from '../accounts/index.js';
import { GovernanceBody } from './governance-body.entity.js';
import { assertRunsBody } from './governance.policy.js';
import {
  AmendmentChangeKind,
  AmendmentStatus,
  Charter,
  CharterAmendment,
  CharterAmendmentChange,
  CharterArticle,
  CharterSignatory,
  CharterSignature,
  CharterVersion,
  CHARTER_LIMITS,
} from './charter.entity.js';
import type { AmendmentChangeInput, CharterAmendmentFilter, CharterArticleInput, CharterDecisionInput, CreateCharterInput, ProposeCharterAmendmentInput, SignCharterInput } from './charter.inputs.js';
import { CharterAmendmentClosed, CharterAmendmentProposed, CharterSigned, CharterVersionAdopted } from './charter.events.js';

/** An article as a version holds it. */
export interface ArticleText {
  title: string;
  text: string;
}

/** A change as an amendment holds it (numbers of the version amended). */
export interface ArticleChange {
  kind: AmendmentChangeKind;
  articleNumber: number;
  title?: string | null;
  text?: string | null;
}

/**
 * Checks `changes` against the `count` articles of the version they amend; throws BAD_USER_INPUT naming
 * the change's field: REPLACE and REMOVE name an existing article, once; INSERT a number up to count + 1;
 * REPLACE and INSERT give a title and a text; the result keeps at least one article.
 */
export function checkChanges(count: number, changes: readonly ArticleChange[], field = 'input.changes'): void {
  const touched = new Set<number>();
  changes.forEach((c, i) => {
    const at = `${field}.${i}`;
    const max = c.kind === AmendmentChangeKind.INSERT ? count + 1 : count;
    if (c.articleNumber < 1 || c.articleNumber > max) throw badInput(`${at}.articleNumber`, `La version amendée compte ${count} articles : l’article ${c.articleNumber} n’existe pas.`);
    if (c.kind !== AmendmentChangeKind.INSERT) {
      if (touched.has(c.articleNumber)) throw badInput(`${at}.articleNumber`, `L’article ${c.articleNumber} est déjà remplacé ou supprimé par cet amendement.`);
      touched.add(c.articleNumber);
    }
    if (c.kind !== AmendmentChangeKind.REMOVE && (!c.title || !c.text)) throw badInput(`${at}.${c.title ? 'text' : 'title'}`, 'Un article remplacé ou inséré a un titre et un texte.');
  });
  const removed = changes.filter((c) => c.kind === AmendmentChangeKind.REMOVE).length;
  const inserted = changes.filter((c) => c.kind === AmendmentChangeKind.INSERT).length;
  if (count - removed + inserted < 1) throw badInput(field, 'La charte doit garder au moins un article.');
  if (count - removed + inserted > CHARTER_LIMITS.articles) throw badInput(field, `Une charte compte ${CHARTER_LIMITS.articles} articles au plus.`);
}

/**
 * The articles of the new version: those of `base` (numbered 1..n) with `changes` applied, numbers being
 * the base's: REPLACE and REMOVE act on article k; INSERT puts a new article before base article k (k =
 * n + 1: at the end), inserts at one number keeping their order. The result is numbered again from 1.
 */
export function amendArticles(base: readonly ArticleText[], changes: readonly ArticleChange[]): ArticleText[] {
  const result: ArticleText[] = [];
  const insertsBefore = (k: number) => changes.filter((c) => c.kind === AmendmentChangeKind.INSERT && c.articleNumber === k).map((c) => ({ title: c.title!, text: c.text! }));
  for (let k = 1; k <= base.length + 1; k++) {
    result.push(...insertsBefore(k));
    if (k > base.length) break;
    const change = changes.find((c) => c.kind !== AmendmentChangeKind.INSERT && c.articleNumber === k);
    if (change?.kind === AmendmentChangeKind.REMOVE) continue;
    result.push(change ? { title: change.title!, text: change.text! } : { title: base[k - 1]!.title, text: base[k - 1]!.text });
  }
  return result;
}

const validDay = (day: string, field: string): void => {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw badInput(field, 'Cette date n’existe pas.');
  if (day > todayInFrance()) throw badInput(field, 'Cette date est dans le futur.');
};

/** The platform's charter, locked for the transaction; NOT_FOUND when none was written. */
async function lockedCharter(tx: Transaction): Promise<Charter> {
  const [first] = await tx.em.find(Charter, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1, fields: ['id'] });
  if (!first) throw notFound('Charte de partenariat');
  return tx.em.findOneOrFail(Charter, { id: first.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/**
 * Checks the decision (body, day, the viewer runs the body, the body adopts the charter) and returns the
 * body's key. Which body adopts the charter is each body's `adoptsCharter`, set by administrators: a
 * technical committee's chair, running its own body, still may not amend the charter through it.
 */
async function checkDecision(ctx: Context, tx: Transaction, decision: CharterDecisionInput, field: string, notBefore: string | null): Promise<string> {
  const bodyId = decodeId(decision.bodyId, 'GovernanceBody', `${field}.bodyId`);
  validDay(decision.decidedOn, `${field}.decidedOn`);
  if (notBefore && decision.decidedOn < notBefore) throw badInput(`${field}.decidedOn`, 'La décision ne peut pas précéder le dépôt de l’amendement.');
  const body = await tx.em.findOne(GovernanceBody, { id: bodyId }, { fields: ['name', 'adoptsCharter'] });
  if (!body) throw notFound('Instance', decision.bodyId);
  await assertRunsBody(ctx, tx, bodyId);
  if (!body.adoptsCharter) {
    throw conflict(
      `L’instance « ${body.name} » n’adopte pas la charte (son réglage adoptsCharter est à non) : la décision revient à une instance qui l’adopte, comme l’instance de pilotage ; un administrateur peut changer ce réglage.`,
      `${field}.bodyId`,
    );
  }
  return bodyId;
}

/** Writes version `number` of `charter` with `articles`, adopted by the decision; makes it current. */
function writeVersion(
  ctx: Context,
  tx: Transaction,
  charter: Charter,
  articles: readonly ArticleText[],
  adoption: { bodyId: string; decidedOn: string; reference: string; summary: string },
): CharterVersion {
  const version = tx.em.create(CharterVersion, {
    charter,
    number: charter.currentNumber,
    summary: adoption.summary.slice(0, CHARTER_LIMITS.summary),
    adoptedBy: adoption.bodyId,
    decidedOn: adoption.decidedOn,
    decisionReference: adoption.reference,
    recordedBy: ctx.viewer.personId,
  });
  articles.forEach((a, i) => tx.em.create(CharterArticle, { version, number: i + 1, title: a.title, text: a.text }));
  return version;
}

export const CharterService = {
  /** The platform's charter as the viewer sees it (null when none was written, or hidden). */
  async current(ctx: Context, info?: GraphQLResolveInfo): Promise<Charter | null> {
    const [charter] = await find(ctx, Charter, {
      orderBy: [
        ['createdAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1,
      ...(info ? { info } : {}),
    });
    return charter ?? null;
  },

  /** The current version of `charter` (one statement, the fields asked for). */
  async currentVersion(ctx: Context, charter: Pick<Charter, 'id' | 'currentNumber'>, info?: GraphQLResolveInfo): Promise<CharterVersion | null> {
    const [version] = await find(ctx, CharterVersion, { where: { charter: charter.id, number: charter.currentNumber }, orderBy: [['id', 'asc']], limit: 1, ...(info ? { info } : {}) });
    return version ?? null;
  },

  /** Every active partner and where it stands with the current version (`signed` filters): three statements, whatever their number. */
  async signatories(ctx: Context, charter: Pick<Charter, 'id' | 'currentNumber'>, signed: boolean | null): Promise<CharterSignatory[]> {
    const [partners, signatures] = await Promise.all([
      find(ctx, Partner, {
        where: { active: true },
        orderBy: [
          ['name', 'asc'],
          ['id', 'asc'],
        ],
        limit: CHARTER_LIMITS.signatures,
      }),
      find(ctx, CharterSignature, {
        where: { charter: charter.id },
        orderBy: [
          ['versionNumber', 'desc'],
          ['id', 'asc'],
        ],
        limit: CHARTER_LIMITS.signatures * 20,
      }),
    ]);
    const latest = new Map<string, CharterSignature>();
    for (const s of signatures) if (!latest.has(s.partner.id)) latest.set(s.partner.id, s);
    const rows = partners.map((partner) => {
      const last = latest.get(partner.id) ?? null;
      const current = last?.versionNumber === charter.currentNumber ? last : null;
      return Object.assign(new CharterSignatory(), { partner, signed: current !== null, signature: current, earlierSignature: current ? null : last });
    });
    return signed == null ? rows : rows.filter((r) => r.signed === signed);
  },

  /** Amendments, latest first, one statement per page. */
  amendments(ctx: Context, filter: CharterAmendmentFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<CharterAmendment>> {
    return list(ctx, CharterAmendment, {
      where: filter?.status ? { status: filter.status } : {},
      orderBy: [
        ['proposedAt', 'desc'],
        ['id', 'desc'],
      ],
      args,
      info,
    });
  },

  /** Writes the platform's charter and its version 1 (administrators; one charter per platform). */
  async create(ctx: Context, input: CreateCharterInput): Promise<Charter> {
    if (!ctx.viewer.isAdmin) throw forbidden('Seuls les administrateurs écrivent la charte de partenariat ; elle évolue ensuite par amendements.');
    const id = await ctx.transaction(async (tx) => {
      if ((await tx.em.count(Charter, {})) > 0) throw conflict('La plate-forme a déjà sa charte : elle évolue par amendements.');
      const bodyId = await checkDecision(ctx, tx, input.adoption, 'input.adoption', null);
      const charter = tx.em.create(Charter, { title: input.title, currentNumber: 1 });
      const version = writeVersion(ctx, tx, charter, input.articles as CharterArticleInput[], { ...input.adoption, bodyId, summary: 'Version initiale.' });
      await tx.em.flush();
      tx.publish(CharterVersionAdopted, { charterId: charter.id, versionId: version.id, number: 1, bodyId, amendmentId: null });
      return charter.id;
    });
    return (await load(ctx, Charter, id))!;
  },

  /** A partner's manager proposes an amendment of the current version. */
  async propose(ctx: Context, input: ProposeCharterAmendmentInput): Promise<CharterAmendment> {
    const partnerId = decodeId(input.partnerId, 'Partner', 'input.partnerId');
    if (!ctx.viewer.hasRoleIn(partnerId, MembershipRole.Manager)) throw forbidden('Seuls les gestionnaires de ce partenaire proposent un amendement en son nom.');
    const id = await ctx.transaction(async (tx) => {
      const charter = await lockedCharter(tx);
      if ((await tx.em.count(Partner, { id: partnerId, active: true })) === 0) throw notFound('Partenaire', input.partnerId);
      const base = await tx.em.findOneOrFail(CharterVersion, { charter, number: charter.currentNumber });
      checkChanges(await tx.em.count(CharterArticle, { version: base }), input.changes);
      const amendment = tx.em.create(CharterAmendment, { charter, baseVersion: base, title: input.title, rationale: input.rationale, partner: partnerId, proposedBy: ctx.viewer.personId });
      input.changes.forEach((c: AmendmentChangeInput, rank) =>
        tx.em.create(CharterAmendmentChange, {
          amendment,
          rank,
          kind: c.kind,
          articleNumber: c.articleNumber,
          title: c.kind === AmendmentChangeKind.REMOVE ? null : c.title,
          text: c.kind === AmendmentChangeKind.REMOVE ? null : c.text,
        }),
      );
      await tx.em.flush();
      tx.publish(CharterAmendmentProposed, { charterId: charter.id, amendmentId: amendment.id, partnerId });
      return amendment.id;
    });
    return (await load(ctx, CharterAmendment, id))!;
  },

  /** Its author, a manager of its partner or an administrator withdraws a proposed amendment. */
  async withdraw(ctx: Context, globalId: string): Promise<CharterAmendment> {
    const id = decodeId(globalId, 'CharterAmendment', 'id');
    await ctx.transaction(async (tx) => {
      const amendment = await proposed(ctx, tx, id, globalId);
      const author = amendment.proposedBy?.id === ctx.viewer.personId && ctx.viewer.personId !== null;
      if (!author && !ctx.viewer.hasRoleIn(amendment.partner.id, MembershipRole.Manager))
        throw forbidden('Seuls son auteur et les gestionnaires du partenaire qui l’a proposé retirent un amendement.');
      close(ctx, tx, amendment, AmendmentStatus.WITHDRAWN);
      await tx.em.flush();
      tx.publish(CharterAmendmentClosed, { charterId: amendment.charter.id, amendmentId: id, status: amendment.status });
    });
    return (await load(ctx, CharterAmendment, id))!;
  },

  /** A body adopts (a new current version) or rejects a proposed amendment; its chair or secretary records the decision. */
  async decide(ctx: Context, globalId: string, decision: CharterDecisionInput, adopt: boolean): Promise<CharterAmendment> {
    const id = decodeId(globalId, 'CharterAmendment', 'id');
    await ctx.transaction(async (tx) => {
      const charter = await lockedCharter(tx);
      const amendment = await proposed(ctx, tx, id, globalId);
      const bodyId = await checkDecision(ctx, tx, decision, 'decision', todayInFrance(amendment.proposedAt));
      amendment.decidedBy = tx.em.getReference(GovernanceBody, bodyId, { wrapped: true });
      amendment.decidedOn = decision.decidedOn;
      amendment.decisionReference = decision.reference;
      close(ctx, tx, amendment, adopt ? AmendmentStatus.ADOPTED : AmendmentStatus.REJECTED);
      if (adopt) await adoptInto(ctx, tx, charter, amendment, { ...decision, bodyId });
      await tx.em.flush();
      tx.publish(CharterAmendmentClosed, { charterId: charter.id, amendmentId: id, status: amendment.status });
      if (adopt) tx.publish(CharterVersionAdopted, { charterId: charter.id, versionId: amendment.resultingVersion!.id, number: charter.currentNumber, bodyId, amendmentId: id });
    });
    return (await load(ctx, CharterAmendment, id))!;
  },

  /** A partner's manager signs the current version for it, with the commitments the partner holds now. */
  async sign(ctx: Context, input: SignCharterInput): Promise<CharterSignature> {
    const partnerId = decodeId(input.partnerId, 'Partner', 'input.partnerId');
    if (!ctx.viewer.hasRoleIn(partnerId, MembershipRole.Manager)) throw forbidden('Seuls les gestionnaires de ce partenaire signent la charte en son nom.');
    const signatoryId = input.signatoryId ? decodeId(input.signatoryId, 'Person', 'input.signatoryId') : ctx.viewer.personId;
    if (signatoryId !== ctx.viewer.personId && !ctx.viewer.isAdmin) throw forbidden('Seuls les administrateurs enregistrent la signature d’une autre personne.');
    const signedOn = input.signedOn ?? todayInFrance();
    validDay(signedOn, 'input.signedOn');
    const id = await ctx.transaction(async (tx) => {
      const charter = await lockedCharter(tx);
      const partner = await tx.em.findOne(Partner, { id: partnerId, active: true });
      if (!partner) throw notFound('Partenaire', input.partnerId);
      if (!signatoryId || (await tx.em.count(Membership, { person: signatoryId, partner: partnerId, role: MembershipRole.Manager as never })) === 0)
        throw badInput('input.signatoryId', 'Le signataire est un gestionnaire du partenaire : indiquez lequel a signé.');
      const version = await tx.em.findOneOrFail(CharterVersion, { charter, number: charter.currentNumber });
      if (signedOn < version.decidedOn) throw badInput('input.signedOn', `La version ${version.number} a été adoptée le ${version.decidedOn} : une signature ne peut pas la précéder.`);
      if ((await tx.em.count(CharterSignature, { version, partner: partnerId })) > 0) throw conflict(`Ce partenaire a déjà signé la version ${version.number} de la charte.`);
      const signature = tx.em.create(CharterSignature, {
        charter,
        version,
        versionNumber: version.number,
        partner: partnerId,
        signatory: signatoryId,
        signedOn,
        recordedBy: ctx.viewer.personId,
        contributions: [...partner.contributions],
        constraints: [...partner.constraints],
        needs: [...partner.needs],
      });
      await tx.em.flush();
      tx.publish(CharterSigned, { charterId: charter.id, signatureId: signature.id, partnerId, versionNumber: version.number });
      return signature.id;
    });
    return (await load(ctx, CharterSignature, id))!;
  },
};

/** The amendment `id`, still PROPOSED, that the viewer sees; NOT_FOUND or CONFLICT otherwise. */
async function proposed(ctx: Context, tx: Transaction, id: string, globalId: string): Promise<CharterAmendment> {
  const amendment = await tx.em.findOne(CharterAmendment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!amendment || !(await load(ctx, CharterAmendment, id))) throw notFound('Amendement', globalId);
  if (amendment.status !== AmendmentStatus.PROPOSED) throw conflict('Cet amendement n’est plus en discussion : il a été adopté, rejeté ou retiré.', 'id');
  return amendment;
}

function close(ctx: Context, tx: Transaction, amendment: CharterAmendment, status: AmendmentStatus): void {
  amendment.status = status;
  amendment.closedAt = new Date();
  amendment.decisionRecordedBy = ctx.viewer.personId ? tx.em.getReference(Person, ctx.viewer.personId, { wrapped: true }) : null;
}

/** Applies the amendment to the current version: the next version, current from now on. */
async function adoptInto(ctx: Context, tx: Transaction, charter: Charter, amendment: CharterAmendment, decision: CharterDecisionInput & { bodyId: string }): Promise<void> {
  const base = await tx.em.findOneOrFail(CharterVersion, { id: amendment.baseVersion.id });
  if (base.number !== charter.currentNumber) {
    throw conflict(`Cet amendement porte sur la version ${base.number} ; la charte en est à la version ${charter.currentNumber} : il doit être proposé à nouveau sur celle-ci.`, 'id');
  }
  const articles = await tx.em.find(CharterArticle, { version: base }, { orderBy: { number: 'asc' } });
  const changes = await tx.em.find(CharterAmendmentChange, { amendment }, { orderBy: { rank: 'asc' } });
  charter.currentNumber += 1;
  const version = writeVersion(ctx, tx, charter, amendArticles(articles, changes), { ...decision, summary: `Amendement adopté : « ${amendment.title} ».` });
  amendment.resultingVersion = ref(version);
}
