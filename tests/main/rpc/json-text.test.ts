// The JSON text memo of the HTTP adapter: only frozen answers are remembered.
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../src/main/rpc/json-text';

describe('jsonText', () => {
  it('writes what JSON.stringify writes', () => {
    for (const v of [null, 1, 'Đắk Drô', [1, 2], { a: 1, b: ['x'] }, Object.freeze({ a: 'Krông Nô' })]) expect(jsonText(v)).toBe(JSON.stringify(v));
  });

  it('writes a changed object afresh unless it is frozen', () => {
    const open: { n: number } = { n: 1 };
    expect(jsonText(open)).toBe('{"n":1}');
    open.n = 2;
    expect(jsonText(open)).toBe('{"n":2}');
    const frozen = Object.freeze({ n: 3, list: [1] });
    const first = jsonText(frozen);
    expect(jsonText(frozen)).toBe(first);
  });
});
