// Types of fleet-generator.mjs, for the tests that convert a generated fleet.

/** One generated cluster: its id and the two AWS CLI documents written for it. */
export interface GeneratedCluster {
  id: string;
  describeCluster: { Cluster: Record<string, unknown> };
  listSteps: { Steps: unknown[] };
}

export function generateFleet(options: { clusters: number; steps: number; seed?: number }): GeneratedCluster[];
export function writeFleet(dir: string, fleet: GeneratedCluster[]): void;
