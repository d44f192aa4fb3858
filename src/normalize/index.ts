import { emrDefaults } from '../catalog/emr-defaults.js';
import { maximizeResourceAllocation } from '../catalog/maximize-resource-allocation.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareDiagnostics } from '../model/diagnostic.js';
import type { EmrSnapshot, EmrStep } from '../model/emr-snapshot.js';
import { stepKey } from '../model/emr-snapshot.js';
import { firstLocation } from '../model/source.js';
import type { SparkJob, SparkSubmit, StepKind } from '../model/spark-job.js';
import { classifyStep } from './classify-step.js';
import { instanceGroupConfigurationDiagnostics, readClusterConf } from './cluster-conf.js';
import { clusterFacts } from './cluster-facts.js';
import { foldedDiagnostic, foldHistory } from './fold-history.js';
import { clusterConfLayers, resolveJobConf } from './resolve-conf.js';
import { parseSparkSubmit } from './spark-submit-parser.js';

/** Classifications resolved into `job.conf` rather than passed on in `job.classifications`. */
const CONF_CLASSIFICATIONS = new Set(['spark-defaults', 'spark']);

interface AnalysedStep {
  step: EmrStep;
  kind: StepKind;
  submit?: SparkSubmit;
  identity: string[];
  diagnostics: Diagnostic[];
}

function analyseStep(step: EmrStep): AnalysedStep {
  const cls = classifyStep(step);
  if (cls.kind !== 'spark') {
    return { step, kind: cls.kind, identity: [cls.kind, step.name, step.jar, ...step.args], diagnostics: cls.diagnostics };
  }
  const parsed = parseSparkSubmit(cls.tokens, { launcher: cls.launcher, example: cls.example });
  return {
    step,
    kind: 'spark',
    submit: parsed.submit,
    identity: ['spark', step.name, step.jar, parsed.submit.primaryResource?.value ?? ''],
    diagnostics: [...cls.diagnostics, ...parsed.diagnostics],
  };
}

/**
 * Turns one EMR cluster snapshot into jobs (DESIGN §2 "SparkJob"): classifies and parses every
 * step, folds repeated runs, and resolves each job's Spark settings in Spark's precedence order
 * from EMR's defaults for the release and instance types up to the step's own flags. Non-Spark
 * steps become jobs of their kind without `submit`, with the cluster's conf, so nothing is lost.
 * Pure and synchronous; never throws on odd input: problems are diagnostics.
 */
export function normalize(snapshot: EmrSnapshot): { jobs: SparkJob[]; diagnostics: Diagnostic[] } {
  const { cluster } = snapshot;
  const clusterKey = cluster.id || cluster.name || snapshot.source;
  const facts = clusterFacts(snapshot);
  const clusterConf = readClusterConf(snapshot.configurations);
  const diagnostics: Diagnostic[] = [
    ...facts.diagnostics,
    ...clusterConf.diagnostics,
    ...instanceGroupConfigurationDiagnostics(snapshot.instances),
  ];
  const sparkDefaults = Object.fromEntries(clusterConf.sparkDefaults.map((s) => [s.key, s.value]));
  const maximized = clusterConf.maximizeResourceAllocation
    ? maximizeResourceAllocation(snapshot.instances, sparkDefaults)
    : { values: [], diagnostics: [] };
  diagnostics.push(...maximized.diagnostics);
  const defaults = emrDefaults(facts.release);
  const classifications = snapshot.configurations.filter((c) => !CONF_CLASSIFICATIONS.has(c.classification));
  const confLayers = clusterConfLayers({ defaults, maximized: maximized.values, sparkDefaults: clusterConf.sparkDefaults });

  const jobs = foldHistory(snapshot.steps.map(analyseStep)).map(({ item, runs }): SparkJob => {
    const key = stepKey(item.step);
    const id = `${clusterKey}/${key}`;
    const resolved = resolveJobConf(confLayers, item.submit);
    const jobDiagnostics = [...item.diagnostics, ...resolved.diagnostics];
    if (runs.length > 1) jobDiagnostics.push(foldedDiagnostic(id, runs, item.step));
    diagnostics.push(...jobDiagnostics.map((d) => ({ ...d, jobId: id })));
    return {
      id,
      cluster: {
        key: clusterKey,
        ...(cluster.id ? { id: cluster.id } : {}),
        ...(cluster.name ? { name: cluster.name } : {}),
        ...(cluster.logUri ? { logUri: cluster.logUri } : {}),
        tags: cluster.tags,
        source: snapshot.source,
        ...(snapshot.bootstrapActions.length > 0 ? { bootstrapActions: snapshot.bootstrapActions } : {}),
      },
      step: { ...item.step, key },
      kind: item.kind,
      foldedRuns: runs.length,
      ...(item.submit ? { submit: item.submit } : {}),
      conf: resolved.conf,
      classifications,
      facts: facts.facts,
      locations: snapshot.locations,
    };
  });

  // Every diagnostic points into the input: the first ref with a known place, else the input path.
  const located = diagnostics.map((d) => ({
    ...d,
    location: d.location ?? firstLocation(snapshot.locations, d.refs) ?? { file: snapshot.source },
  }));
  return { jobs, diagnostics: located.sort(compareDiagnostics) };
}
