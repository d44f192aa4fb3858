import type { ClusterFacts } from '../src/rule-api.js';

/** What an EMR Spark 2 job is moved to: the Spark of the newest EMR release in facts §8.1 (7.13.0). */
export const SPARK_2_TARGET = { sparkVersion: '3.5.6', releaseLabel: 'emr-7.13.0', scala: '2.12' } as const;

/** The Spark the Kubernetes job runs: its version, Scala binary version and the image's Java. */
export interface TargetSpark {
  version: string;
  major: number;
  minor: number;
  scala: string;
  java: string;
  /** Set when the EMR Spark (2.x) is end-of-life and the job moves to {@link SPARK_2_TARGET}. */
  upgradedFrom?: string;
}

function majorMinor(version: string): [number, number] {
  const [major = '0', minor = '0'] = version.split('.');
  return [Number(major), Number(minor)];
}

/**
 * The Spark line an image is picked for (facts §8.1, version cheat-sheet): the EMR Spark
 * version, except Spark 2.x which moves to Spark 3.5. Java 17 from Spark 3.5 on (Spark 4
 * requires it and the official 3.5 images offer it), Java 11 below, as the official images
 * of apache/spark-docker are built; Scala 2.13 only for Spark 4.
 */
export function targetSpark(facts: Pick<ClusterFacts, 'sparkVersion' | 'scalaVersion'>): TargetSpark {
  const [major, minor] = majorMinor(facts.sparkVersion);
  if (major < 3) {
    const [m, n] = majorMinor(SPARK_2_TARGET.sparkVersion);
    return { version: SPARK_2_TARGET.sparkVersion, major: m, minor: n, scala: SPARK_2_TARGET.scala, java: '17', upgradedFrom: facts.sparkVersion };
  }
  const scala = major >= 4 ? '2.13' : facts.scalaVersion.split('.').slice(0, 2).join('.');
  const java = major >= 4 || minor >= 5 ? '17' : '11';
  return { version: facts.sparkVersion, major, minor, scala, java };
}
