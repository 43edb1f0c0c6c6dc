/**
 * The statistics layer of the analysis engine: pure functions on counts (never raw rows).
 * Distribution functions come from jstat (see distributions.ts for their accuracy).
 */
export { type ChiSquareResult, pearsonChiSquare } from './chisquare.ts';
export { fisherExact2x2 } from './fisher.ts';
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
export { type Interval, type ProportionOptions, proportionCI, wilson, Z95 } from './proportion.ts';
export { seededUniform, type Uniform } from './random.ts';
export { type KruskalWallisResult, kruskalWallis, type PairCount, type SpearmanResult, spearman, type ValueCount } from './ranks.ts';
export { mean, type ScaleMean, type ScaleOptions, type ScaleSummary, type ScaleTopBottom, scaleSummary, topBottom } from './scale.ts';
export { dropEmpty, type ReducedTable, type Table } from './validate.ts';
