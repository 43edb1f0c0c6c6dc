/** Server-side SVG charts for the report, the dashboard and the PDF, and their table alternative. */
export { type BarChart, type BarSeries, palette, stackedBars } from './bars.ts';
export { type ChoroplethOptions, type Classes, choropleth, classify, classOf, type MapProperties } from './choropleth.ts';
export { categorical, classColors, contrast, luminance, neutral, scaleColors, textOn } from './colors.ts';
export { type Cell, type Column, type DataTableOptions, dataTable } from './data-table.ts';
export { type GroupedBarsOptions, type GroupedSeries, groupedBars } from './grouped-bars.ts';
export { type ScaleBarsOptions, type ScaleRow, scaleBars } from './scale-bars.ts';
export { type ShareBar, type ShareBarsOptions, shareBars } from './share-bars.ts';
export { type ChartBase, isNeutralLabel, num, pct } from './svg.ts';
export { type TrendLinesOptions, type TrendSeries, trendLines } from './trend-lines.ts';
