type Obj = Record<string, unknown>;

function container(name: string): Obj {
  return {
    name,
    image: 'busybox:1.36',
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c'],
    args: ['echo hi'],
    env: [{ name: 'A', value: 'a' }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } }],
    envFrom: [{ configMapRef: { name: 'cm' }, prefix: 'X_' }],
    ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }],
    resources: { limits: { cpu: 1, memory: '1Gi' }, requests: { cpu: '500m' }, claims: [{ name: 'gpu' }] },
    volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
    volumeDevices: [{ name: 'blk', devicePath: '/dev/xvda' }],
    livenessProbe: { httpGet: { path: '/health', port: 'http', httpHeaders: [{ name: 'h', value: 'v' }] }, periodSeconds: 10 },
    readinessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3, terminationGracePeriodSeconds: 30 },
    startupProbe: { grpc: { port: 9000 }, exec: { command: ['true'] } },
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
    securityContext: { runAsUser: 185, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
  };
}

function pod(): Obj {
  return {
    cores: 2,
    coreLimit: '2500m',
    memory: '4g',
    labels: { team: 'data' },
    annotations: { a: 'b' },
    env: [{ name: 'E', value: 'v' }],
    envFrom: [{ secretRef: { name: 'sec' } }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchFields: [{ key: 'f', operator: 'Exists' }] } }],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { topologyKey: 'zone', labelSelector: { matchLabels: { a: 'b' } } } }],
      },
    },
    tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule', tolerationSeconds: 60 }],
    podSecurityContext: { fsGroup: 185, supplementalGroups: [1, 2], sysctls: [{ name: 'net.x', value: '1' }] },
    dnsConfig: { nameservers: ['1.1.1.1'], options: [{ name: 'ndots', value: '2' }] },
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
    gpu: { name: 'nvidia.com/gpu', quantity: 1 },
    configMaps: [{ name: 'cm', path: '/etc/cm' }],
    secrets: [{ name: 's', path: '/etc/s', secretType: 'Generic' }],
    envSecretKeyRefs: { PW: { name: 's', key: 'pw' } },
    sidecars: [container('side')],
    initContainers: [container('init')],
    terminationGracePeriodSeconds: 30,
    template: { spec: { priorityClassName: 'batch', whatever: { x: 1 } } },
  };
}

/**
 * A valid SparkApplication that reaches most of the v1beta2 schema: containers, probes,
 * affinity, volumes, int-or-string quantities, `map` lists, int32/int64 and date-time
 * fields (in `status`), and a preserve-unknown-fields pod template. For validator tests.
 */
export function kitchenSinkApp(): Obj {
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { name: 'kitchen-sink', namespace: 'data-eng' },
    spec: {
      type: 'Python',
      pythonVersion: '3',
      sparkVersion: '3.5.6',
      mode: 'cluster',
      image: 'spark:3.5.6',
      mainApplicationFile: 'local:///opt/app.py',
      arguments: ['--x'],
      sparkConf: { 'spark.a': 'b' },
      hadoopConf: { 'fs.x': 'y' },
      deps: { jars: ['a.jar'], pyFiles: ['b.zip'], packages: ['g:a:1'] },
      driver: { ...pod(), serviceAccount: 'spark', podName: 'driver' },
      executor: { ...pod(), instances: 3, deleteOnTermination: true },
      dynamicAllocation: { enabled: true, minExecutors: 1, maxExecutors: 10, shuffleTrackingTimeout: 60 },
      restartPolicy: { type: 'OnFailure', onFailureRetries: 2, onFailureRetryInterval: 10 },
      batchScheduler: 'volcano',
      batchSchedulerOptions: { queue: 'q', resources: { cpu: '2', memory: '4Gi' } },
      monitoring: { exposeDriverMetrics: true, exposeExecutorMetrics: true, prometheus: { jmxExporterJar: '/j.jar', port: 8090 } },
      sparkUIOptions: { servicePort: 4040, ingressTLS: [{ hosts: ['ui'], secretName: 'tls' }] },
      driverIngressOptions: [{ servicePort: 4041, servicePortName: 'ui', ingressURLFormat: 'x' }],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'pvc' } },
        { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
        { name: 'proj', projected: { sources: [{ secret: { name: 's', items: [{ key: 'k', path: 'p' }] } }] } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
      ],
      timeToLiveSeconds: 3600,
    },
    status: {
      applicationState: { state: 'COMPLETED' },
      driverInfo: { podName: 'driver', webUIPort: 4040 },
      executorState: { e1: 'RUNNING' },
      lastSubmissionAttemptTime: '2026-01-01T00:00:00Z',
      terminationTime: null,
      executionAttempts: 1,
    },
  };
}

/** The path (list of keys and indices) of every value inside a JSON document. */
function valuePaths(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    out.push([...path, key]);
    valuePaths(child, [...path, key], out);
  }
  return out;
}

/** A copy of the JSON document `json` with `change` applied to the container of `path`'s last key. */
function changed(json: string, path: string[], change: (parent: Obj, key: string) => void): unknown {
  const copy = JSON.parse(json) as Obj;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Obj;
  change(parent, path[path.length - 1] as string);
  return copy;
}

/**
 * Documents derived from `base` by one change each, at every value in it: the value replaced
 * by each of `badValues`, removed, given an unknown key (objects), or given a repeat of its
 * first item (lists). Names say what changed, for test failure messages.
 */
export function mutations(base: unknown, badValues: unknown[]): Array<{ name: string; doc: unknown }> {
  const out: Array<{ name: string; doc: unknown }> = [];
  const json = JSON.stringify(base);
  for (const path of valuePaths(base)) {
    const at = path.join('.');
    for (const bad of badValues) {
      out.push({ name: `${at} = ${JSON.stringify(bad)}`, doc: changed(json, path, (p, k) => (p[k] = structuredClone(bad))) });
    }
    out.push({
      name: `${at} removed`,
      doc: changed(json, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k])),
    });
    out.push({
      name: `${at} with an unknown key`,
      doc: changed(json, path, (p, k) => {
        const v = p[k];
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) (v as Obj).zzUnknown = 1;
      }),
    });
    out.push({
      name: `${at} with its first item repeated`,
      doc: changed(json, path, (p, k) => {
        const v = p[k];
        if (Array.isArray(v) && v.length > 0) v.push(structuredClone(v[0]));
      }),
    });
  }
  return out;
}
