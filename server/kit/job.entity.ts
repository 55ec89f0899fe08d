import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Node, toGlobalId } from '../relay.js';
import { registerLabelledEnum } from './enums.js';

export const JobStatus = { QUEUED: 'QUEUED', RUNNING: 'RUNNING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED' } as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];
registerLabelledEnum(JobStatus, {
  name: 'BackgroundJobStatus',
  description: 'Where a background job stands.',
  labels: { QUEUED: 'En attente', RUNNING: 'En cours', SUCCEEDED: 'Terminé', FAILED: 'En échec' },
});

/**
 * Work started by an operation and run by the server process after its transaction commits
 * (server/kit/jobs.ts): an import, an export, a batch of letters. Seen by whoever started it and by
 * administrators (KIT_VISIBILITY).
 */
@Entity({ tableName: 'background_job' })
@Index({ properties: ['status', 'heartbeatAt'] }) // the sweep of jobs a stopped process left
@ObjectType('BackgroundJob', { implements: Node, simpleResolvers: true, description: 'Work running in the background, with its progress.' })
export class BackgroundJob {
  [OptionalProps]?: 'globalId' | 'status' | 'total' | 'done' | 'errorMessage' | 'startedBy' | 'createdAt' | 'startedAt' | 'finishedAt' | 'heartbeatAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('BackgroundJob', this.id);
  }

  @Field(() => String, { description: "What kind of work, as the module names it (e.g. 'organizations.export')." })
  @Property({ type: 'string', length: 100 })
  kind!: string;

  @Field(() => String, { description: 'What it does, in French (« Export des organisations »).' })
  @Property({ type: 'string', length: 300 })
  label!: string;

  @Field(() => JobStatus, { description: 'Queued, running, succeeded or failed.' })
  @Enum({ items: () => JobStatus, nativeEnumName: 'background_job_status' })
  status: JobStatus = JobStatus.QUEUED;

  @Field(() => Int, { nullable: true, description: 'How many steps there are, when the job knows.' })
  @Property({ type: 'integer', nullable: true })
  total: number | null = null;

  @Field(() => Int, { description: 'How many steps are done.' })
  @Property({ type: 'integer' })
  done: number = 0;

  @Field(() => String, { nullable: true, description: 'Why it failed, in French; an unexpected error shows only a reference (the details are in the server log).' })
  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  /** The person who started it (null: the platform itself, e.g. a periodic task); not a relation, the kit knows no module. */
  @Property({ type: 'uuid', nullable: true, index: true })
  startedBy: string | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was asked for.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it started running.' })
  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it ended (succeeded or failed).' })
  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  /** Last sign of life of the process running it (a process that died leaves it stale). */
  @Property({ type: 'datetime' })
  heartbeatAt: Date = new Date();
}
