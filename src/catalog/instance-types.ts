/**
 * EC2 instance types as data: vCPU and memory from facts §9 (AWS instance type specs,
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html, `mo.html`, `co.html`, `so.html`)
 * and the `yarn.nodemanager.resource.memory-mb` EMR sets per type from facts §8.3
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-hadoop-task-config.html, clusters
 * without HBase). Where facts.md gives no value the field stays undefined: no guessing.
 */

/** What the catalog knows about one instance type; any numeric field may be unknown. */
export interface CatalogInstanceType {
  type: string;
  vcpu?: number;
  memoryMiB?: number;
  yarnMemoryMiB?: number;
  arch: 'x86_64' | 'arm64';
}

/** `vCPU/GiB` per size (facts §9). */
type SpecRow = Record<string, [vcpu: number, memoryGiB: number]>;

const M5_M6I: SpecRow = {
  large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32], '4xlarge': [16, 64], '8xlarge': [32, 128],
  '12xlarge': [48, 192], '16xlarge': [64, 256], '24xlarge': [96, 384],
};
const GRAVITON_GP: SpecRow = {
  medium: [1, 4], large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32], '4xlarge': [16, 64],
  '8xlarge': [32, 128], '12xlarge': [48, 192], '16xlarge': [64, 256],
};
const R5_R6I: SpecRow = {
  large: [2, 16], xlarge: [4, 32], '2xlarge': [8, 64], '4xlarge': [16, 128], '8xlarge': [32, 256],
  '12xlarge': [48, 384], '16xlarge': [64, 512], '24xlarge': [96, 768],
};
const C5: SpecRow = {
  large: [2, 4], xlarge: [4, 8], '2xlarge': [8, 16], '4xlarge': [16, 32], '9xlarge': [36, 72],
  '12xlarge': [48, 96], '18xlarge': [72, 144], '24xlarge': [96, 192],
};
const C6I: SpecRow = {
  large: [2, 4], xlarge: [4, 8], '2xlarge': [8, 16], '4xlarge': [16, 32], '8xlarge': [32, 64],
  '12xlarge': [48, 96], '16xlarge': [64, 128], '24xlarge': [96, 192], '32xlarge': [128, 256],
};
const I3: SpecRow = {
  large: [2, 15.25], xlarge: [4, 30.5], '2xlarge': [8, 61], '4xlarge': [16, 122], '8xlarge': [32, 244],
  '16xlarge': [64, 488],
};

/**
 * Families facts.md §9 does not tabulate, read from the same AWS instance type pages
 * (gp.html for m4; mo.html for r4, r6g/r6gd, r7g; co.html for c6g). EMR clusters use them often
 * (facts §8.3 lists their YARN memory), and without vCPU and memory maximizeResourceAllocation
 * and node fit cannot be computed.
 */
const M4: SpecRow = {
  large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32], '4xlarge': [16, 64], '10xlarge': [40, 160], '16xlarge': [64, 256],
};
const R4: SpecRow = {
  large: [2, 15.25], xlarge: [4, 30.5], '2xlarge': [8, 61], '4xlarge': [16, 122], '8xlarge': [32, 244], '16xlarge': [64, 488],
};
const GRAVITON_MEMORY: SpecRow = {
  medium: [1, 8], large: [2, 16], xlarge: [4, 32], '2xlarge': [8, 64], '4xlarge': [16, 128],
  '8xlarge': [32, 256], '12xlarge': [48, 384], '16xlarge': [64, 512],
};
const GRAVITON_COMPUTE: SpecRow = {
  medium: [1, 2], large: [2, 4], xlarge: [4, 8], '2xlarge': [8, 16], '4xlarge': [16, 32],
  '8xlarge': [32, 64], '12xlarge': [48, 96], '16xlarge': [64, 128],
};

const SPECS: Record<string, SpecRow> = {
  m4: M4,
  m5a: M5_M6I,
  m5d: M5_M6I,
  m6gd: GRAVITON_GP,
  r4: R4,
  r5a: R5_R6I,
  r6g: GRAVITON_MEMORY,
  r6gd: GRAVITON_MEMORY,
  // Graviton3 keeps r6g's sizes; facts §8.3 has no YARN memory row for it, so none is assumed.
  r7g: GRAVITON_MEMORY,
  c6g: GRAVITON_COMPUTE,
  m5: M5_M6I,
  m6i: { ...M5_M6I, '32xlarge': [128, 512] },
  m6g: GRAVITON_GP,
  m7g: GRAVITON_GP,
  r5: R5_R6I,
  r5d: R5_R6I,
  r6i: { ...R5_R6I, '32xlarge': [128, 1024] },
  c5: C5,
  c6i: C6I,
  i3: I3,
};

/** `yarn.nodemanager.resource.memory-mb` per size, MB (facts §8.3). */
type YarnRow = Record<string, number>;

const M5_YARN: YarnRow = {
  xlarge: 12288, '2xlarge': 24576, '4xlarge': 57344, '8xlarge': 122880, '12xlarge': 188416,
  '16xlarge': 253952, '24xlarge': 385024,
};
const M6G_YARN: YarnRow = {
  xlarge: 11712, '2xlarge': 23424, '4xlarge': 54272, '8xlarge': 116736, '12xlarge': 181248, '16xlarge': 241664,
};
const R5_YARN: YarnRow = {
  xlarge: 24576, '2xlarge': 57344, '4xlarge': 122880, '8xlarge': 253952, '12xlarge': 385024,
  '16xlarge': 516096, '24xlarge': 778240,
};
const R6G_YARN: YarnRow = {
  xlarge: 23424, '2xlarge': 54272, '4xlarge': 116736, '8xlarge': 241664, '12xlarge': 366592, '16xlarge': 491520,
};
const C5_YARN: YarnRow = {
  xlarge: 6144, '2xlarge': 12288, '4xlarge': 24576, '9xlarge': 65536, '12xlarge': 90112, '18xlarge': 139264,
  '24xlarge': 188416,
};
const R4_I3_D2_YARN: YarnRow = {
  xlarge: 23424, '2xlarge': 54272, '4xlarge': 116736, '8xlarge': 241664, '16xlarge': 491520,
};

const YARN: Record<string, YarnRow> = {
  m4: { large: 6144, xlarge: 12288, '2xlarge': 24576, '4xlarge': 57344, '10xlarge': 155648, '16xlarge': 253952 },
  m5: M5_YARN,
  m5a: M5_YARN,
  m5d: M5_YARN,
  m6g: M6G_YARN,
  m6gd: M6G_YARN,
  r4: R4_I3_D2_YARN,
  r5: R5_YARN,
  r5a: R5_YARN,
  r5d: R5_YARN,
  r6g: R6G_YARN,
  r6gd: R6G_YARN,
  c4: { large: 1792, xlarge: 5632, '2xlarge': 11520, '4xlarge': 23040, '8xlarge': 53248 },
  c5: C5_YARN,
  // facts §8.3: c5d shares the c5 rows but has no 12xlarge/24xlarge row.
  c5d: Object.fromEntries(Object.entries(C5_YARN).filter(([size]) => size !== '12xlarge' && size !== '24xlarge')),
  c5n: { xlarge: 8064, '2xlarge': 16128, '4xlarge': 34816, '9xlarge': 90112, '18xlarge': 188416 },
  c6g: { xlarge: 5632, '2xlarge': 11712, '4xlarge': 23424, '8xlarge': 54272, '12xlarge': 85504, '16xlarge': 116736 },
  i3: R4_I3_D2_YARN,
  i3en: { xlarge: 24576, '2xlarge': 57344, '3xlarge': 90112, '6xlarge': 188416, '12xlarge': 385024, '24xlarge': 778240 },
  z1d: { xlarge: 24576, '2xlarge': 57344, '3xlarge': 90112, '6xlarge': 188416, '12xlarge': 385024 },
  d2: { xlarge: 23424, '2xlarge': 54272, '4xlarge': 116736, '8xlarge': 241664 },
  g4dn: { xlarge: 12288, '2xlarge': 24576, '4xlarge': 57344, '8xlarge': 122880, '12xlarge': 188416, '16xlarge': 253952 },
};

/** Graviton families of the catalog (the `g`/`gd` suffix after the generation digit). */
const GRAVITON = /^[a-z]+\d+gd?$/;

/**
 * What the catalog knows about an EC2 instance type, or undefined when its family is not in
 * the catalog (or the name is not `family.size`). Fields facts.md does not give stay undefined.
 */
export function instanceTypeFacts(type: string): CatalogInstanceType | undefined {
  const m = /^([a-z0-9-]+)\.([a-z0-9]+)$/.exec(type.trim());
  if (!m) return undefined;
  const [, family = '', size = ''] = m;
  const spec = SPECS[family];
  const yarn = YARN[family];
  if (!spec && !yarn) return undefined;
  const specRow = spec?.[size];
  const yarnMemoryMiB = yarn?.[size];
  if (!specRow && yarnMemoryMiB === undefined) return undefined;
  const out: CatalogInstanceType = { type: type.trim(), arch: GRAVITON.test(family) ? 'arm64' : 'x86_64' };
  if (specRow) {
    out.vcpu = specRow[0];
    out.memoryMiB = Math.round(specRow[1] * 1024);
  }
  if (yarnMemoryMiB !== undefined) out.yarnMemoryMiB = yarnMemoryMiB;
  return out;
}
