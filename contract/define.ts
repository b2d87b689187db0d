import { z } from 'zod';
import { EngineId } from './resources';

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
export function stream<I extends z.ZodType, E extends z.ZodType>(input: I, event: E) {
  return { input, event };
}

/** Every input names its engine (multi-engine from day one). */
export const OnEngine = z.strictObject({ engineId: EngineId });
