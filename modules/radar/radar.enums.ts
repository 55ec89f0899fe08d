import { registerLabelledEnum } from '../../server/kit/index.js';

/** The radar's overall alert level (level.ts says how it is decided). */
export enum RadarLevelEnum {
  LOW = 'low',
  WATCH = 'watch',
  HIGH = 'high',
  CRITICAL = 'critical',
}

registerLabelledEnum(RadarLevelEnum, {
  name: 'RadarLevel',
  description:
    'Overall alert level of a radar: any critical risk → critical; 2 high risks (or 1 high and 2 watch, or a reliable axis under 25) → high; 1 high or a watch risk or a reliable axis under 50 → watch; else low.',
  labels: { low: 'Faible', watch: 'À surveiller', high: 'Élevé', critical: 'Critique' },
});

export enum SignalKindEnum {
  RISK = 'risk',
  MARGIN = 'margin',
}
registerLabelledEnum(SignalKindEnum, {
  name: 'RadarSignalKind',
  description: 'A risk, or a margin of progress (a lever).',
  labels: { risk: 'Risque', margin: 'Marge de développement' },
});

export enum SignalSeverityEnum {
  INFO = 'info',
  WATCH = 'watch',
  HIGH = 'high',
  CRITICAL = 'critical',
}
registerLabelledEnum(SignalSeverityEnum, {
  name: 'RadarSignalSeverity',
  description: 'How serious a signal is.',
  labels: { info: 'Pour information', watch: 'À surveiller', high: 'Élevé', critical: 'Critique' },
});
