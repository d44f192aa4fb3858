import { Command, CommanderError, Option } from 'commander';
import { EXIT, fileSystemErrorLine, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { VERSION } from '../version.js';

/**
 * Entry point: parse argv, run one command, one top-level catch, one exit code
 * (DESIGN §5). Commands are imported lazily so `--help` loads nothing heavy.
 */
function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('emr2k8s')
    .description('Migrate Apache Spark jobs from Amazon EMR (YARN) to Kubernetes, faithfully and explained.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('convert')
    .description('convert EMR exports (files or folders) into Spark Operator manifests')
    .argument('<path...>', 'EMR export files or folders (a folder = one cluster)')
    .option('--out <dir>', 'output folder', 'k8s')
    .option('--target <target>', 'what to generate: spark-operator, emr-on-eks or spark-submit; repeatable (default: the config file\'s, else spark-operator)', (t: string, all: string[] = []) => [...all, t])
    .option('--right-size', 'also propose executor sizes that strand less of a node (in the report)', false)
    .option('--nodepools', 'also write Karpenter NodePools that mirror the clusters\' instance groups or fleets', false)
    .option('--config <file>', 'project config file (default: emr2k8s.config.{yaml,json} found upward)')
    .addOption(new Option('--format <format>', 'stdout format').choices(['text', 'json']).default('text'))
    .option('--check', 'write nothing; exit 1 if the output folder is not up to date', false)
    .option('--strict', 'exit 1 on warnings too', false)
    .option('--force', 'overwrite files edited by hand since they were generated', false)
    .option('--param <name=value>', 'CloudFormation parameter value (repeatable)', (pair: string, all: string[] = []) => [...all, pair])
    .option('--region <region>', 'AWS region that CloudFormation templates are deployed to (AWS::Region)')
    .option('--answers <file>', 'replay the review decisions saved in this answers file')
    .action(async (paths: string[], options) => {
      const { runConvert } = await import('./commands/convert.js');
      setExit(await runConvert(paths, options, io));
    });

  program
    .command('review')
    .description('review a conversion in a terminal UI: manifests, resources, why each value, decisions')
    .argument('<path...>', 'EMR export files or folders, or the output folder of a conversion')
    .option('--answers <file>', 'where decisions are read from and saved to', 'emr2k8s-answers.yaml')
    .option('--config <file>', 'project config file (default: emr2k8s.config.{yaml,json} found upward)')
    .option('--param <name=value>', 'CloudFormation parameter value (repeatable)', (pair: string, all: string[] = []) => [...all, pair])
    .option('--region <region>', 'AWS region that CloudFormation templates are deployed to (AWS::Region)')
    .action(async (paths: string[], options) => {
      const { runReview } = await import('./commands/review.js');
      setExit(await runReview(paths, options, io));
    });

  program
    .command('diff')
    .description('semantic diff of two manifest files or folders (e.g. two conversions)')
    .argument('<old>', 'manifest file or folder')
    .argument('<new>', 'manifest file or folder')
    .addOption(new Option('--format <format>', 'stdout format').choices(['text', 'json']).default('text'))
    .action(async (oldPath: string, newPath: string, options) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(oldPath, newPath, options, io));
    });

  program
    .command('explain')
    .description('why a converted job (or one field of it) has its values: rules, inputs with file:line, shadowed values')
    .argument('<path...>', 'EMR export files or folders, as for convert')
    .requiredOption('--job <id>', 'job id (<cluster>/<step>), as listed by convert')
    .option('--field <path>', 'one plan field, e.g. executor.memoryOverhead or sparkConf.spark.sql.shuffle.partitions')
    .option('--answers <file>', 'apply the review decisions saved in this answers file')
    .option('--config <file>', 'project config file (default: emr2k8s.config.{yaml,json} found upward)')
    .option('--param <name=value>', 'CloudFormation parameter value (repeatable)', (pair: string, all: string[] = []) => [...all, pair])
    .option('--region <region>', 'AWS region that CloudFormation templates are deployed to (AWS::Region)')
    .addOption(new Option('--format <format>', 'stdout format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], options) => {
      const { runExplain } = await import('./commands/explain.js');
      setExit(await runExplain(paths, options, io));
    });

  program
    .command('import')
    .description('read EMR clusters from the AWS API into folders that `convert` reads (read-only calls)')
    .option('--cluster-id <id>', 'cluster to import (repeat for several)', (id: string, ids: string[] = []) => [...ids, id])
    .option('--active', 'import every active cluster (STARTING, BOOTSTRAPPING, RUNNING, WAITING)')
    .option('--created-after <date>', 'with --active: only clusters created after this ISO-8601 date')
    .option('--region <region>', 'AWS region (default: the SDK chain, e.g. AWS_REGION)')
    .option('--profile <profile>', 'AWS profile of the shared config and credentials files')
    .option('--endpoint-url <url>', 'EMR endpoint (default: AWS_ENDPOINT_URL_EMR, AWS_ENDPOINT_URL, else the regional one)')
    .requiredOption('--out <dir>', 'output folder: one sub-folder per cluster')
    .action(async (options) => {
      const { runImport } = await import('./commands/import.js');
      setExit(await runImport(options, io));
    });

  program
    .command('validate')
    .description('validate manifests against the Spark Operator CRD schema')
    .argument('<path...>', 'YAML files or folders')
    .addOption(new Option('--format <format>', 'stdout format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(paths, options, io));
    });

  program
    .command('rules')
    .description('list the conversion rules, or show one')
    .argument('[action]', 'list | show', 'list')
    .argument('[id]', 'rule id for show')
    .addOption(new Option('--format <format>', 'stdout format').choices(['text', 'json']).default('text'))
    .action(async (action: string, id: string | undefined, options) => {
      const { runRules } = await import('./commands/rules.js');
      setExit(runRules(action, id, options, io));
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    }
    // A write stopped by SIGINT/SIGTERM (src/cli.ts): the shell reports it and exits 130.
    if (error instanceof Error && error.name === 'AbortError') return EXIT.interrupted;
    if (error instanceof UserError) {
      io.stderr(`error: ${error.message}${error.hint ? ` (hint: ${error.hint})` : ''}\n`);
      return EXIT.failed;
    }
    const debug = argv.includes('--debug');
    const fileError = fileSystemErrorLine(error);
    if (fileError !== undefined) {
      io.stderr(`error: ${fileError}\n${debug && error instanceof Error ? `${error.stack}\n` : ''}`);
      return EXIT.failed;
    }
    const detail = error instanceof Error ? (debug ? error.stack : error.message) : String(error);
    io.stderr(`error: internal error: ${detail}${debug ? '' : ' (hint: run again with --debug and report it)'}\n`);
    return EXIT.failed;
  }
}
