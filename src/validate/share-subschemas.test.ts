import { describe, expect, it } from 'vitest';
import { shareSubschemas } from './share-subschemas.js';

const port = () => ({ type: 'object', description: 'A port.', properties: { port: { type: 'integer', format: 'int32' } }, required: ['port'] });

describe('shareSubschemas', () => {
  it('moves object schemas to definitions, identical ones once, children first', () => {
    const shared = shareSubschemas({
      type: 'object',
      properties: {
        a: port(),
        b: { type: 'array', items: port() },
        c: { type: 'object', properties: { inner: port() } },
      },
    });
    expect(shared).toEqual({
      type: 'object',
      properties: {
        a: { $ref: '#/definitions/s0' },
        b: { type: 'array', items: { $ref: '#/definitions/s0' } },
        c: { $ref: '#/definitions/s1' },
      },
      definitions: {
        s0: { type: 'object', properties: { port: { type: 'integer', format: 'int32' } }, required: ['port'] },
        s1: { type: 'object', properties: { inner: { $ref: '#/definitions/s0' } } },
      },
    });
  });

  it('drops descriptions but keeps properties so named and data keywords as they are', () => {
    const shared = shareSubschemas({
      type: 'object',
      description: 'root',
      properties: { description: { type: 'string', enum: [{ description: 'x' }], default: { properties: {} } } },
    });
    expect(shared).toEqual({
      type: 'object',
      properties: { description: { type: 'string', enum: [{ description: 'x' }], default: { properties: {} } } },
      definitions: {},
    });
  });

  it('refuses a schema that already has definitions', () => {
    expect(() => shareSubschemas({ definitions: {} })).toThrow(/already has definitions/);
  });
});
