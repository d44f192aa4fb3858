import { App } from 'aws-cdk-lib';
import { FraudScoringStack } from '../lib/pipeline-stack';

const app = new App();
new FraudScoringStack(app, 'FraudScoring', { env: { region: 'eu-west-1' } });
