import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Authorized, badInput, toGlobalId, type Context } from '../../server/kit/index.js';
import { STAGE_LABELS, type Stage } from '../organizations/index.js';
import { SupportPermissions } from './support.permissions.js';
import { SUPPORT_STATUS_LABELS, type SupportStatus } from './support.enums.js';
import { supportStatistics, type SupportStatisticsRows } from './support.statistics.js';

@ObjectType('SupportPartnerPositioning', { description: "A partner's positioning over the period, on the requests it was asked about (its invitations); partners never asked are not listed." })
export class PartnerPositioningType {
  @Field(() => ID, { description: 'Global id of the partner.' }) partnerId!: string;
  @Field(() => String, { description: 'Its name.' }) partner!: string;
  @Field(() => Int, { description: 'Requests of the period the partner was asked to take position on (at the qualification, as receiving or matched partner, or added by the committee).' })
  asked!: number;
  @Field(() => Int, { description: 'Of them, those on which the partner took position.' }) answered!: number;
  @Field(() => Float, { description: 'answered / asked, from 0 to 1.' }) rate!: number;
  @Field(() => Float, { nullable: true, description: 'Average days from when it was asked to its first answer; null without answers.' }) averageDelayDays!: number | null;
}

@ObjectType('SupportOutcome', { description: 'How many requests of the period stand at a status.' })
export class OutcomeType {
  @Field(() => String, { description: 'The status (code).' }) status!: string;
  @Field(() => String, { description: 'The status, in French.' }) label!: string;
  @Field(() => Int, { description: 'Requests.' }) requests!: number;
}

@ObjectType('SupportAmounts', { description: 'Requests and amounts of the period for one scheme, sector, stage or intercommunality.' })
export class AmountsType {
  @Field(() => String, { description: 'Key (code or id).' }) key!: string;
  @Field(() => String, { description: 'Label, in French.' }) label!: string;
  @Field(() => Int, { description: 'Requests.' }) requests!: number;
  @Field(() => Int, { description: 'Amounts sought, in euros (0 for schemes).' }) sought!: number;
  @Field(() => Int, { description: 'Amounts partners would mobilise (support, conditional support), in euros.' }) mobilised!: number;
}

@ObjectType('SupportStatistics', { description: 'Statistics of support requests received over a period.' })
export class SupportStatisticsType {
  @Field(() => [PartnerPositioningType], { description: 'Positioning rate (answered / asked) and delay per partner asked in the period.' }) positioning!: PartnerPositioningType[];
  @Field(() => [OutcomeType], { description: 'Requests by status.' }) outcomes!: OutcomeType[];
  @Field(() => [AmountsType], { description: 'Amounts mobilised by scheme.' }) byScheme!: AmountsType[];
  @Field(() => [AmountsType], { description: 'By sector.' }) bySector!: AmountsType[];
  @Field(() => [AmountsType], { description: 'By stage.' }) byStage!: AmountsType[];
  @Field(() => [AmountsType], { description: 'By intercommunality.' }) byIntercommunality!: AmountsType[];
  @Field(() => Int, { description: 'Holders who gave their satisfaction.' }) satisfactionAnswers!: number;
  @Field(() => Float, { nullable: true, description: 'Their average score (1 to 5).' }) satisfactionAverage!: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the period and reads the statistics, labelled. */
export async function labelledStatistics(ctx: Context, from: string, to: string): Promise<SupportStatisticsType> {
  if (!DAY.test(from)) throw badInput('from', 'La date de début s’écrit AAAA-MM-JJ.');
  if (!DAY.test(to)) throw badInput('to', 'La date de fin s’écrit AAAA-MM-JJ.');
  if (from >= to) throw badInput('to', 'La fin de la période doit suivre son début.');
  if (Date.parse(to) - Date.parse(from) > 10 * 366 * 86_400_000) throw badInput('to', 'Une période compte dix ans au plus.');
  const rows: SupportStatisticsRows = await supportStatistics(ctx, from, to);
  return {
    positioning: rows.positioning.map((p) => ({ ...p, partnerId: toGlobalId('Partner', p.partnerId), rate: p.asked > 0 ? Math.round((p.answered / p.asked) * 1000) / 1000 : 0 })),
    outcomes: rows.outcomes.map((o) => ({ ...o, label: SUPPORT_STATUS_LABELS[o.status as SupportStatus] ?? o.status })),
    byScheme: rows.byScheme,
    bySector: rows.bySector,
    byStage: rows.byStage.map((s) => ({ ...s, label: STAGE_LABELS[s.key as Stage] ?? s.key })),
    byIntercommunality: rows.byIntercommunality,
    satisfactionAnswers: rows.satisfaction.answers,
    satisfactionAverage: rows.satisfaction.average,
  };
}

@Resolver()
export class StatisticsResolver {
  @Authorized(SupportPermissions.read)
  @Query(() => SupportStatisticsType, {
    description: 'Statistics of the support requests received in [from, to): positioning per partner, outcomes, amounts by scheme, sector, stage and intercommunality, satisfaction.',
  })
  supportStatistics(
    @Arg('from', () => GraphQLLocalDate, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => GraphQLLocalDate, { description: 'Day after the period.' }) to: string,
    @Ctx() ctx: Context,
  ): Promise<SupportStatisticsType> {
    return labelledStatistics(ctx, from, to);
  }
}
