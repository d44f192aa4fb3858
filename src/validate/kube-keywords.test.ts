import { describe, expect, it } from 'vitest';
import { createKubeAjv } from './kube-keywords.js';
import { hasDuplicateItems } from './kube-runtime.js';
import { validateSparkApplication } from './validate-spark-application.js';
import { kitchenSinkApp } from './manifest-corpus.js';

type Obj = Record<string, unknown>;

describe('hasDuplicateItems', () => {
  it('compares whole items in a set and the key values in a map (a missing key is null)', () => {
    expect(hasDuplicateItems(['a', 'b'], 'set', [])).toBe(false);
    expect(hasDuplicateItems([{ a: 1 }, { a: 1 }], 'set', [])).toBe(true);
    expect(hasDuplicateItems([{ name: 'x', v: 1 }, { name: 'x', v: 2 }], 'map', ['name'])).toBe(true);
    expect(hasDuplicateItems([{ p: 1, q: 'TCP' }, { p: 1, q: 'UDP' }], 'map', ['p', 'q'])).toBe(false);
    expect(hasDuplicateItems([{ p: 1 }, { p: 1, q: null }], 'map', ['p', 'q'])).toBe(true);
  });
});

describe('x-kubernetes-list-type', () => {
  it('rejects two items with the same map keys, naming the keys', () => {
    const app = kitchenSinkApp();
    const sidecar = ((app.spec as Obj).driver as { sidecars: Array<{ env: Obj[]; ports: Obj[] }> }).sidecars[0];
    sidecar?.env.push({ name: 'A', value: 'other' });
    sidecar?.ports.push({ containerPort: 8080, protocol: 'TCP', name: 'again' });
    expect(validateSparkApplication(app).errors).toEqual([
      'spec.driver.sidecars[0].env: must not hold duplicate items with the same name',
      'spec.driver.sidecars[0].ports: must not hold duplicate items with the same containerPort, protocol',
    ]);
  });

  it('rejects equal items in a set and lets atomic lists repeat', () => {
    const validate = createKubeAjv().compile({
      type: 'object',
      properties: {
        set: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
        atomic: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic' },
      },
    });
    expect(validate({ set: ['a', 'b'], atomic: ['a', 'a'] })).toBe(true);
    expect(validate({ set: ['a', 'a'] })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual(['/set must not hold duplicate items']);
  });
});
