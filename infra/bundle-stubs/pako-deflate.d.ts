// pako ships no types; this is the one function pako.ts takes from it.
declare module 'pako/lib/deflate.js' {
  export function deflate(data: Uint8Array): Uint8Array;
}
