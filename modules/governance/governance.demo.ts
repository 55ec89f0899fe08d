import { type DemoContext, type DemoResult } from '../../server/kit/index.js';
import { Partner, PartnerKind } from '../partners/index.js';
import { Membership } from '../accounts/index.js';
import { SupportRequest, SupportStatus } from '../support/index.js';
import { BodyMember, GovernanceBody, ROLE_RANK } from './governance-body.entity.js';
import { AgendaItemKind, AttendanceStatus, BodyKind, DecisionMode, Majority, MeetingMode, MemberRole } from './governance.enums.js';
import { AgendaItem, CommitteeSession, SessionAttendance } from './session.entity.js';

/** Who sits where, by kind of partner (the call: funders and support structures; SSE actors, banks, the agency, foundations). */
const TECHNICAL_KINDS: readonly PartnerKind[] = [PartnerKind.HOST, PartnerKind.FUNDER, PartnerKind.EXPERT, PartnerKind.TECHNICAL_PARTNER];
const STEERING_KINDS: readonly PartnerKind[] = [PartnerKind.HOST, PartnerKind.SSE_REPRESENTATIVE, PartnerKind.FUNDER, PartnerKind.TECHNICAL_PARTNER];

interface BodySeed {
  kind: BodyKind;
  name: string;
  description: string;
  decisionMode: DecisionMode;
  majority: Majority;
  rhythm: string;
  meetingMode: MeetingMode;
  /** Its decisions adopt the charter (the steering board's, not the committee's). */
  adoptsCharter: boolean;
  /** The partners' flag (set by the partners' demo from the call) and their kinds. */
  sits: (p: Partner) => boolean;
  chair: string;
  secretary: string;
}

const BODIES: readonly BodySeed[] = [
  {
    kind: BodyKind.TECHNICAL_COMMITTEE,
    name: 'Comité technique',
    description: 'Examine collectivement les demandes d’accompagnement qualifiées : positions des financeurs et des structures d’accompagnement, stratégie partagée et plan d’action.',
    decisionMode: DecisionMode.CONSENSUS,
    majority: Majority.SIMPLE,
    rhythm: 'mensuel',
    meetingMode: MeetingMode.IN_PERSON,
    adoptsCharter: false,
    sits: (p) => p.technicalCommittee && TECHNICAL_KINDS.includes(p.kind),
    chair: 'conseil-regional',
    secretary: 'mef-boulonnais',
  },
  {
    kind: BodyKind.STEERING_BOARD,
    name: 'Instance de pilotage',
    description: 'Oriente la plate-forme : acteurs de l’ESS, banques, agence de développement et fondations valident les priorités, la charte et le bilan annuel.',
    decisionMode: DecisionMode.VOTE,
    majority: Majority.TWO_THIRDS,
    rhythm: 'semestriel',
    meetingMode: MeetingMode.HYBRID,
    adoptsCharter: true,
    sits: (p) => p.steeringBoard && STEERING_KINDS.includes(p.kind),
    chair: 'mef-boulonnais',
    secretary: 'boulogne-developpement',
  },
];

function roleOf(seed: BodySeed, partner: Partner): MemberRole {
  if (partner.slug === seed.chair) return MemberRole.CHAIR;
  if (partner.slug === seed.secretary) return MemberRole.SECRETARY;
  // The State's services follow the technical committee without voting (they decide in their own bodies).
  return seed.kind === BodyKind.TECHNICAL_COMMITTEE && partner.slug === 'direccte' ? MemberRole.OBSERVER : MemberRole.MEMBER;
}

/** The technical committee and the steering board with their members, and the committee's next session; runs again harmlessly (only on an empty table). */
export async function seedGovernance({ em }: DemoContext): Promise<DemoResult | void> {
  if ((await em.count(GovernanceBody, {})) > 0) return;
  const partners = await em.find(Partner, { active: true }, { orderBy: { name: 'asc', id: 'asc' } });
  const memberships = await em.find(Membership, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, fields: ['person', 'partner'] });
  const personOf = new Map<string, string>();
  for (const m of memberships) if (!personOf.has(m.partner.id)) personOf.set(m.partner.id, m.person.id);
  for (const seed of BODIES) {
    const seated = partners.filter(seed.sits);
    const voting = seated.filter((p) => roleOf(seed, p) !== MemberRole.OBSERVER).length;
    const { sits: _sits, chair: _chair, secretary: _secretary, ...rules } = seed;
    const body = em.create(GovernanceBody, { ...rules, quorum: Math.max(1, Math.floor(voting / 2) + 1) });
    for (const partner of seated) {
      const role = roleOf(seed, partner);
      em.create(BodyMember, { body, partner, person: personOf.get(partner.id) ?? null, role, votes: role !== MemberRole.OBSERVER, rank: ROLE_RANK[role] });
    }
  }
  await em.flush();
  const session = await seedNextSession(em);
  if (!session) return undefined;
  // The screen only shows the session: its chair (the demo funder) opens it and starts items through the API (README).
  return {
    lines: [
      `Governance: the technical committee's next session is scheduled; its chair (funder) opens it with openSession(id: "${session.globalId}")`,
      `    and its committee screen is /screen/?session=${session.globalId}#token=<token> on the address above`,
    ],
  };
}

/** Requests the demo's next committee reviews: qualified or scheduled, the latest received first. */
const DEMO_AGENDA_REQUESTS = 3;

/**
 * The technical committee's next session (the first Thursday of next month, 9:30 in Paris, in person):
 * the latest qualified requests its chair may see, then other business; attendance recorded beforehand (every
 * seat present but one excused), so that its chair (the demo funder) can open it and start an item.
 */
async function seedNextSession(em: DemoContext['em']): Promise<CommitteeSession | null> {
  const body = await em.findOne(GovernanceBody, { kind: BodyKind.TECHNICAL_COMMITTEE });
  if (!body) return null;
  const seats = await em.find(BodyMember, { body }, { orderBy: { rank: 'asc', id: 'asc' } });
  // Requests its chair may see, as addAgendaItem requires (else the demo chair would run items shown to
  // them under the neutral title): one its partner received without the holder's consent to share, when
  // there is one (the other partners' people see it under the neutral title), then shared ones.
  const chair = seats.find((seat) => seat.role === MemberRole.CHAIR)?.partner.id;
  const open = { status: { $in: [SupportStatus.QUALIFIED, SupportStatus.SCHEDULED] } };
  const latest = { orderBy: { receivedAt: 'desc', id: 'asc' }, fields: ['id', 'title', 'receivedAt'] } as const;
  const confidential = chair ? await em.find(SupportRequest, { ...open, consentToShare: false, receivingPartner: chair }, { ...latest, limit: 1 }) : [];
  const shared = await em.find(SupportRequest, { ...open, consentToShare: true }, { ...latest, limit: DEMO_AGENDA_REQUESTS - confidential.length });
  const requests = [...confidential, ...shared].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? -1 : 1));
  const session = em.create(CommitteeSession, { body, title: `${body.name} — séance mensuelle`, scheduledAt: firstThursdayOfNextMonth(new Date()), mode: MeetingMode.IN_PERSON });
  requests.forEach((request, i) => em.create(AgendaItem, { session, rank: i + 1, title: request.title, kind: AgendaItemKind.SUPPORT_REQUEST, supportRequest: request.id }));
  em.create(AgendaItem, { session, rank: requests.length + 1, title: 'Questions diverses', kind: AgendaItemKind.OTHER });
  seats.forEach((seat, i) =>
    em.create(SessionAttendance, { session, partner: seat.partner, person: seat.person?.id ?? null, status: i === seats.length - 1 ? AttendanceStatus.EXCUSED : AttendanceStatus.PRESENT }),
  );
  await em.flush();
  return session;
}

/** 9:30 in Paris (8:30 UTC in winter, 7:30 in summer: the offset is read from the time zone) on the first Thursday of the month after `now`. */
function firstThursdayOfNextMonth(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 9, 30));
  while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() + 1);
  const paris = new Date(day.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const utc = new Date(day.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(day.getTime() - (paris.getTime() - utc.getTime()));
}
