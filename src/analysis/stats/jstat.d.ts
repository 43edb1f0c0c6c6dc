/**
 * Minimal types for the parts of jstat@1.9.6 that the statistics layer uses (there is no
 * @types/jstat). The package is CommonJS: `module.exports` is the jStat function object, so it
 * is imported as a default import.
 */
declare module 'jstat' {
  interface JStat {
    hypgeom: {
      /** P(X = k) when drawing `n` items without replacement from `N` items of which `m` are marked. */
      pdf(k: number, N: number, m: number, n: number): number;
    };
  }
  const jStat: JStat;
  export = jStat;
}
