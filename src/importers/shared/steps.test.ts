import { describe, expect, it } from 'vitest';
import type { EmrSnapshot } from '../../model/emr-snapshot.js';
import { nodeAt } from './doc-node.js';
import { jsonSourceOf, parseJson } from './parse-json.js';
import { DocReader } from './reader.js';
import { emptySnapshot } from './snapshot-draft.js';
import { addStep, readApiStep, readApiSteps } from './steps.js';

const LIST_STEPS = `{
  "Steps": [
    {"Id": "s-1", "Name": "etl", "Config": {"Jar": "command-runner.jar", "Properties": {"a": "1", "b": "2"},
      "Args": ["spark-submit", "--conf", "spark.x=\\u00e9", "s3://b/job.py"]}, "ActionOnFailure": "CONTINUE",
      "Status": {"State": "COMPLETED", "Timeline": {"CreationDateTime": "2024-01-02T03:04:05Z"}}},
\t{"Id": "s-2", "Name": "jar", "Config": {"Jar": "s3://b/app.jar", "MainClass": "com.example.Main", "Args": "one", "Properties": {}}},
    {"Id": "s-1", "Name": "etl again", "Config": {"Jar": "x.jar", "Args": ["a", "b", "c", "d", "e"]}},
    {"Name": "no id", "HadoopJarStep": {"Jar": "y.jar", "Properties": [{"Key": "k", "Value": "v"}, {"Key": "k", "Value": "w"}]}},
    {"Name": "broken"}
  ]
}`;

function read(lazy: boolean): EmrSnapshot {
  const reader = new DocReader('list-steps.json');
  const doc = parseJson(LIST_STEPS);
  const list = nodeAt(doc, 'Steps');
  const items = (list?.kind === 'array' ? list.items : []).map((node, i) => ({ node, path: `Steps[${i}]` }));
  if (lazy) {
    const snapshot = emptySnapshot('list-steps.json', 'emr-cli');
    readApiSteps(reader, snapshot, items, 0, [], jsonSourceOf(doc));
    return snapshot;
  }
  // The eager way: every location written into a plain record as the step is added.
  const snapshot = { ...emptySnapshot('list-steps.json', 'emr-cli'), locations: {} };
  items.forEach(({ node, path }, i) => {
    try {
      addStep(snapshot, readApiStep(reader, node, path), i + 1);
    } catch {
      // the malformed step is skipped, as readApiSteps does
    }
  });
  return snapshot;
}

describe('readApiSteps', () => {
  it('gives every step location, read again from the JSON text, as reading them at once did', () => {
    const lazy = read(true);
    const eager = read(false);
    expect(lazy.steps).toEqual(eager.steps);
    expect(Object.keys(lazy.locations)).toEqual(Object.keys(eager.locations));
    expect(Object.entries(lazy.locations)).toEqual(Object.entries(eager.locations));
    expect(lazy.locations['steps/s-1/args/2']).toEqual({ file: 'list-steps.json', line: 4, column: 42, path: 'Steps[0].Config.Args[2]' });
    expect(lazy.locations['steps/s-2/args/0']).toMatchObject({ line: 6, path: 'Steps[1].Config.Args' });
    // A repeated property key keeps its place and takes the later location, as assigning into a record does.
    expect(lazy.locations['steps/step-4/properties/k']).toMatchObject({ path: 'Steps[3].HadoopJarStep.Properties[1].Value' });
  });
});
