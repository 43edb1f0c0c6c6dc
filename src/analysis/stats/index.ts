/**
 * The statistics layer of the analysis engine: pure functions on counts (never raw rows).
 * Tail probabilities come from special.ts (see distributions.ts for their accuracy).
 */
export { type ChiSquareResult, pearsonChiSquare } from './chisquare.ts';
export { fisherExact2x2 } from './fisher.ts';
export {
  EXACT_LIMIT,
  type KruskalExactOptions,
  type KruskalExactResult,
  kruskalWallisPermutation,
  SMALL_GROUP,
  smallestGroup,
} from './kruskal-exact.ts';
export {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  type ExactPResult,
  exactChiSquareMonteCarlo,
  exactP,
  type MonteCarloOptions,
  type MonteCarloResult,
  randomTable,
} from './montecarlo.ts';
export { familySize, holm } from './multiplicity.ts';
export { type Interval, type ProportionOptions, proportionCI, wilson, Z95 } from './proportion.ts';
export { seededUniform, tableSeed, type Uniform } from './random.ts';
export { type KruskalWallisResult, kruskalWallis, type PairCount, type SpearmanResult, spearman, type ValueCount } from './ranks.ts';
export { mean, type ScaleMean, type ScaleOptions, type ScaleSummary, type ScaleTopBottom, scaleSummary, topBottom } from './scale.ts';
export { dropEmpty, type ReducedTable, type Table } from './validate.ts';
