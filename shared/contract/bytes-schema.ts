// The schema for exact bytes, shared by every schema that carries them. A custom check rather than
// z.instanceof, whose inferred type (Uint8Array<ArrayBuffer>) would refuse a Node Buffer or a
// TextEncoder result at compile time although both are Uint8Arrays at run time.
import { z } from 'zod';

export const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)');
