import type { z } from 'zod';

/** One entry of the contract: input and output schemas, and a line saying what it does. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc };
}
