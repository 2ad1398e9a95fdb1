// The few globals that shared/ may use: they exist both in Node (>= 18) and in every browser, so
// shared/ stays free of both the DOM and Node type libraries.
declare function atob(data: string): string;
declare function btoa(data: string): string;

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

// A lesson's program, imported as its text (Vite's and Vitest's `?raw`): shared/lessons/programs/.
declare module '*.py?raw' {
  const text: string;
  export default text;
}
