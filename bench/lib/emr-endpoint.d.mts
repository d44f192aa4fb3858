// Types of emr-endpoint.mjs, for the tests (test/support/emr-endpoint.ts).

/** One cluster as the fake EMR holds it: API shapes, timestamps as epoch seconds like the wire. */
export interface FakeCluster {
  /** The `Cluster` of DescribeCluster, without groups, fleets or bootstrap actions. */
  cluster: Record<string, unknown> & { Id: string };
  instanceGroups?: unknown[];
  instanceFleets?: unknown[];
  bootstrapActions?: unknown[];
  /** Newest first, as ListSteps returns them. */
  steps: unknown[];
}

/** An error answer given `times` times to calls of `operation` (for one cluster, if given). */
export interface Fault {
  operation: string;
  clusterId?: string;
  status: number;
  type: string;
  message?: string;
  times: number;
}

export interface EndpointOptions {
  /** Items per page of every List call (EMR uses 50). */
  pageSize?: number;
  /** Scripted faults, answered before anything else. */
  faults?: Fault[];
  /** A step that "arrives" right after the first ListSteps page of its cluster was served. */
  stepAddedDuringListing?: { clusterId: string; step: unknown };
  /** Share of requests answered `400 ThrottlingException`, decided per request from `seed`. */
  throttleShare?: number;
  /** Share of requests answered `500 InternalFailure` or `503 ServiceUnavailable` (half each). */
  serverErrorShare?: number;
  /** Seed of the throttle and 5xx draws (default 7): the same requests fail in every run. */
  seed?: number;
}

export interface RecordedCall {
  operation: string;
  /** Whether the request carried a SigV4 Authorization header. */
  signed: boolean;
  status: number;
  body: Record<string, unknown>;
}

export interface EmrEndpoint {
  url: string;
  calls: RecordedCall[];
  stats: { calls: number; throttled: number; serverErrors: number };
  close(): Promise<void>;
}

export function startEmrEndpoint(clusters: FakeCluster[], options?: EndpointOptions): Promise<EmrEndpoint>;

/** ISO timestamps of a CLI export to the epoch seconds the wire carries. */
export function toWire(value: unknown, key?: string): unknown;

/** A generated cluster (bench/fleet-generator.mjs) as the API serves it. */
export function servedCluster(generated: { describeCluster: unknown; listSteps: unknown }): FakeCluster;
