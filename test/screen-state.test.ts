import { describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot, mergeDetails, positionsOf, setDetails, setPresence } from '../clients/screen/src/state.js';
import type { ScreenEvent, ScreenItem, ScreenPosition, ScreenSession } from '../clients/screen/src/model.js';

/*
 * The committee screen's state (clients/screen/src/state.ts), without a browser: a snapshot, then the
 * session's events applied once each by sequence, whatever is replayed after a reconnection.
 */

const quorum = { required: 3, present: 4, reached: true };

function snapshot(lastSeq: number): ScreenSession {
  return {
    id: 'S1',
    title: 'Comité technique de décembre',
    state: 'OPEN',
    scheduledAt: '2026-12-02T09:00:00.000Z',
    mode: 'HYBRID',
    lastSeq,
    body: { name: 'Comité technique', decisionMode: 'VOTE', majority: 'SIMPLE' },
    quorum,
    currentItem: { id: 'I1' },
    attendance: [],
    presence: null,
    agenda: [
      { id: 'I2', rank: 2, title: 'Questions diverses', kind: 'OTHER', state: 'PENDING', decision: null, supportRequest: null },
      {
        id: 'I1',
        rank: 1,
        title: 'Garage solidaire',
        kind: 'SUPPORT_REQUEST',
        state: 'IN_DISCUSSION',
        decision: null,
        supportRequest: { id: 'R1' },
      },
    ],
  };
}

/** The first item with its request in full, as ScreenItemDetails loads it. */
function details(): ScreenItem {
  const item = snapshot(0).agenda.find((i) => i.id === 'I1')!;
  return { ...item, decision: null, supportRequest: request() };
}

function request(): NonNullable<ScreenItem['supportRequest']> {
  return {
    id: 'R1',
    title: 'Garage solidaire',
    description: 'Un garage associatif.',
    amountSought: 40_000,
    financialNeed: true,
    technicalNeed: true,
    needTypes: ['INVESTMENT'],
    stage: 'CREATION',
    holderName: 'Karim Porteur',
    status: 'UNDER_REVIEW',
    organization: null,
    commune: { name: 'Boulogne-sur-Mer' },
    sector: { name: 'Mobilité' },
    receivingPartner: { name: 'France Active' },
    matches: [],
    positions: [position('P1', 'Région', 1)],
    actions: [],
  };
}

function position(partnerId: string, name: string, revision: number, kind: ScreenPosition['kind'] = 'WILL_SUPPORT'): ScreenPosition {
  return {
    id: `pos-${partnerId}`,
    kind,
    amount: null,
    conditions: '',
    comment: '',
    revision,
    recordedAt: '2026-12-02T09:10:00.000Z',
    request: { id: 'R1' },
    partner: { id: partnerId, name },
    scheme: null,
    redirectTo: null,
  };
}

/** An event with what it does not name left null, as the API sends it. */
function event(e: Pick<ScreenEvent, 'seq' | 'kind' | 'at' | 'session'> & Partial<ScreenEvent>): ScreenEvent {
  return { item: null, position: null, vote: null, decision: null, attendance: null, ...e };
}

function positionEvent(seq: number, p: ScreenPosition): ScreenEvent {
  return event({ seq, kind: 'POSITION_RECORDED', at: '2026-12-02T09:11:00.000Z', session: { id: 'S1', state: 'OPEN', lastSeq: seq, currentItem: { id: 'I1' }, quorum }, position: p });
}

describe('committee screen state', () => {
  it('orders the agenda by rank and follows the stream after the snapshot’s sequence', () => {
    const state = fromSnapshot(snapshot(4));
    setDetails(state, details());
    expect(state.items.map((i) => i.rank)).toEqual([1, 2]);
    expect(state.lastSeq).toBe(4);
    expect(applyEvent(state, positionEvent(4, position('P2', 'Banque', 1))).applied).toBe(false); // already in the snapshot
    expect(applyEvent(state, positionEvent(5, position('P2', 'Banque', 1))).applied).toBe(true);
    expect(positionsOf(state, state.items[0]!).map((p) => p.partner.name)).toEqual(['Région', 'Banque']);
  });

  it('applies a replayed or duplicated event once, and a changed position in place', () => {
    const state = fromSnapshot(snapshot(0));
    setDetails(state, details());
    const events = [positionEvent(1, position('P2', 'Banque', 1)), positionEvent(2, position('P3', 'Agence', 1)), positionEvent(3, position('P2', 'Banque', 2, 'CONDITIONAL'))];
    for (const e of events) applyEvent(state, e);
    // A reconnection replays from an earlier sequence: nothing shows twice.
    for (const e of events) expect(applyEvent(state, e).applied).toBe(false);
    expect(state.log.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(positionsOf(state, state.items[0]!).map((p) => [p.partner.name, p.revision, p.kind])).toEqual([
      ['Région', 1, 'WILL_SUPPORT'],
      ['Banque', 2, 'CONDITIONAL'],
      ['Agence', 1, 'WILL_SUPPORT'],
    ]);
    expect(state.log[2]!.text).toBe('Banque : intervient sous conditions (position modifiée)');
  });

  it('takes item states and decisions from events, and asks for details of an item it does not know', () => {
    const state = fromSnapshot(snapshot(0));
    const decision = { mode: 'VOTE' as const, outcome: 'APPROVED' as const, text: 'Accord', votesFor: 3, votesAgainst: 0, abstentions: 1, votes: [] };
    const decided = applyEvent(
      state,
      event({
        seq: 1,
        kind: 'ITEM_DECIDED',
        at: '2026-12-02T09:30:00.000Z',
        session: { id: 'S1', state: 'OPEN', lastSeq: 1, currentItem: { id: 'I1' }, quorum },
        item: { id: 'I1', rank: 1, title: 'Garage solidaire', kind: 'SUPPORT_REQUEST', state: 'DECIDED', decision },
        decision,
      }),
    );
    expect(decided).toEqual({ applied: true, needsDetails: true }); // the action plan validated with it
    expect(state.items[0]).toMatchObject({ state: 'DECIDED', decision: { outcome: 'APPROVED' } });
    expect(state.log[0]!.text).toBe('Décision sur le point 1 « Garage solidaire » : Approuvé');
    const started = applyEvent(
      state,
      event({
        seq: 2,
        kind: 'ITEM_STARTED',
        at: '2026-12-02T09:31:00.000Z',
        session: { id: 'S1', state: 'OPEN', lastSeq: 2, currentItem: { id: 'I9' }, quorum },
        item: { id: 'I9', rank: 3, title: 'Nouveau point', kind: 'OTHER', state: 'IN_DISCUSSION', decision: null },
      }),
    );
    expect(started.needsDetails).toBe(true);
    // The later snapshot brings the new item, without taking back what the events said.
    const later = snapshot(1);
    later.agenda.push({ id: 'I9', rank: 3, title: 'Nouveau point', kind: 'OTHER', state: 'IN_DISCUSSION', decision: null, supportRequest: null });
    mergeDetails(state, later);
    expect(state.items.map((i) => [i.id, i.state])).toEqual([
      ['I1', 'DECIDED'],
      ['I2', 'PENDING'],
      ['I9', 'IN_DISCUSSION'],
    ]);
  });

  it('keeps no presence for a viewer the API answers null to, and the whole list, earliest first, for the chair', () => {
    expect(fromSnapshot(snapshot(0)).presence).toBeNull();
    const chair = { since: '2026-12-02T09:00:00.000Z', connections: 1, person: { id: 'P1', name: 'Claire Martin' }, partner: { id: 'A1', name: 'Conseil régional' } };
    const other = { since: '2026-12-02T09:05:00.000Z', connections: 2, person: { id: 'P2', name: 'Karim Expert' }, partner: { id: 'A2', name: 'APES' } };
    const state = fromSnapshot({ ...snapshot(0), presence: [chair] });
    expect(state.presence).toEqual([chair]);
    setPresence(state, [other, chair]);
    expect(state.presence!.map((p) => p.person!.id)).toEqual(['P1', 'P2']);
    setPresence(state, [chair]);
    expect(state.presence).toEqual([chair]);
    setPresence(state, null); // the subscription was refused: the panel goes
    expect(state.presence).toBeNull();
  });
});
