import { Duration, Stack, aws_emr as emr, aws_stepfunctions as sfn } from 'aws-cdk-lib';
import { ActionOnFailure, EmrAddStep, EmrCreateCluster } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { scoreArgs } from './jobs';
import { RELEASE, scoringConf } from './settings';

export class FraudScoringStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const create = new EmrCreateCluster(this, 'CreateScoringCluster', {
      name: 'fraud-scoring',
      releaseLabel: RELEASE,
      applications: [{ name: 'Spark' }],
      instances: {
        instanceGroups: [
          { instanceRole: EmrCreateCluster.InstanceRoleType.MASTER, instanceType: 'm6g.xlarge', instanceCount: 1 },
          { instanceRole: EmrCreateCluster.InstanceRoleType.CORE, instanceType: 'r6g.2xlarge', instanceCount: 3 },
        ],
      },
      configurations: [{ classification: 'spark-defaults', properties: scoringConf }],
    });

    const score = new EmrAddStep(this, 'ScoreTransactions', {
      clusterId: sfn.JsonPath.stringAt('$.ClusterId'),
      name: 'score-transactions',
      jar: 'command-runner.jar',
      args: [...scoreArgs, '--date', sfn.JsonPath.stringAt('$.date')],
      actionOnFailure: ActionOnFailure.CONTINUE,
      timeout: Duration.hours(2),
    });

    new sfn.StateMachine(this, 'Scoring', { definitionBody: sfn.DefinitionBody.fromChainable(create.next(score)) });

    new emr.CfnStep(this, 'RefreshFeatures', {
      jobFlowId: 'j-2AXXXXXXGAPLF',
      name: 'refresh-features',
      actionOnFailure: 'CONTINUE',
      hadoopJarStep: { jar: 'command-runner.jar', args: ['spark-submit', 's3://acme-risk-models/jobs/features.py'] },
    });
  }
}
