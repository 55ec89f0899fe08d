import { registerEnumType } from 'type-graphql';

/** The radar's overall alert level (level.ts says how it is decided). */
export enum RadarLevelEnum {
  LOW = 'low',
  WATCH = 'watch',
  HIGH = 'high',
  CRITICAL = 'critical',
}

registerEnumType(RadarLevelEnum, {
  name: 'RadarLevel',
  description:
    'Overall alert level of a radar: any critical risk → critical; 2 high risks (or 1 high and 2 watch, or a reliable axis under 25) → high; 1 high or a watch risk or a reliable axis under 50 → watch; else low.',
  valuesConfig: {
    LOW: { description: 'Faible: nothing alarming.' },
    WATCH: { description: 'À surveiller.' },
    HIGH: { description: 'Élevé.' },
    CRITICAL: { description: 'Critique: act now.' },
  },
});

export enum SignalKindEnum {
  RISK = 'risk',
  MARGIN = 'margin',
}
registerEnumType(SignalKindEnum, {
  name: 'RadarSignalKind',
  description: 'A risk, or a margin of progress (a lever).',
  valuesConfig: { RISK: { description: 'Risque.' }, MARGIN: { description: 'Marge de développement.' } },
});

export enum SignalSeverityEnum {
  INFO = 'info',
  WATCH = 'watch',
  HIGH = 'high',
  CRITICAL = 'critical',
}
registerEnumType(SignalSeverityEnum, {
  name: 'RadarSignalSeverity',
  description: 'How serious a signal is.',
  valuesConfig: {
    INFO: { description: 'Pour information.' },
    WATCH: { description: 'À surveiller.' },
    HIGH: { description: 'Élevé.' },
    CRITICAL: { description: 'Critique.' },
  },
});
