import type { ClusterFacts } from '../src/rule-api.js';
import { targetSpark } from './_spark-version.js';

/** EMR's copy of the Spark examples jar, which `spark-example` / `run-example` steps run. */
const EMR_EXAMPLES_JAR = /^(file:(\/\/)?)?\/usr\/lib\/spark\/examples\/jars\/spark-examples[^/]*\.jar$/;

export function isEmrExamplesJar(path: string): boolean {
  return EMR_EXAMPLES_JAR.test(path);
}

/**
 * The same examples jar inside the image the job will run on: Apache Spark images keep it at
 * `/opt/spark/examples/jars/spark-examples_<scala>-<version>.jar` (apache/spark-docker
 * Dockerfiles copy `examples/` to `/opt/spark`); EMR on EKS images keep EMR's layout.
 */
export function imageExamplesJar(facts: Pick<ClusterFacts, 'sparkVersion' | 'scalaVersion'>, flavor: 'apache' | 'emr'): string {
  if (flavor === 'emr') return 'local:///usr/lib/spark/examples/jars/spark-examples.jar';
  const target = targetSpark(facts);
  return `local:///opt/spark/examples/jars/spark-examples_${target.scala}-${target.version}.jar`;
}
