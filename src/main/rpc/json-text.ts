// The JSON text of an answer, kept for answers the store hands out again unchanged: the map's read
// of a 45,000-grave table is 4.6 MB of JSON that took ~100 ms to write, every time a page opened
// the project. Only frozen objects are remembered (the store freezes what it caches and never
// changes it); anything else is written afresh.
const texts = new WeakMap<object, string>();

export function jsonText(value: unknown): string {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}
