/**
 * The one catalogue of user-visible messages, merged from the area tables. A key appears in
 * exactly one table (a test checks that no table repeats another's keys and that every wording
 * exists in nb, nn and en).
 */

import { analysisTexts } from './analysis.ts';
import { analyzeTexts } from './analyze.ts';
import { authTexts } from './auth.ts';
import { backupTexts } from './backup.ts';
import { cliTexts } from './cli.ts';
import { collectTexts } from './collect.ts';
import { commonTexts } from './common.ts';
import { configTexts } from './config.ts';
import { csvTexts } from './csv.ts';
import { demoTexts } from './demo.ts';
import { docxTexts } from './docx.ts';
import { exportTexts } from './export.ts';
import { geometryTexts } from './geometry.ts';
import { groupingTexts } from './grouping.ts';
import { monitorTexts } from './monitor.ts';
import { outreachTexts } from './outreach.ts';
import { questionnaireTexts } from './questionnaire.ts';
import { questionnaireChangeTexts } from './questionnaire-changes.ts';
import { registryTexts } from './registry.ts';
import { reportTexts } from './report.ts';
import { reportDefinitionTexts } from './report-definition.ts';
import { roundTexts } from './round.ts';
import { statsTexts } from './stats.ts';
import { textTexts } from './text.ts';
import { validationTexts } from './validation.ts';
import { webTexts } from './web.ts';
import { weightsTexts } from './weights.ts';

export const catalogue = {
  ...commonTexts,
  ...demoTexts,
  ...cliTexts,
  ...authTexts,
  ...backupTexts,
  ...configTexts,
  ...groupingTexts,
  ...geometryTexts,
  ...registryTexts,
  ...outreachTexts,
  ...textTexts,
  ...csvTexts,
  ...reportTexts,
  ...docxTexts,
  ...reportDefinitionTexts,
  ...questionnaireTexts,
  ...questionnaireChangeTexts,
  ...roundTexts,
  ...collectTexts,
  ...monitorTexts,
  ...analysisTexts,
  ...analyzeTexts,
  ...statsTexts,
  ...exportTexts,
  ...validationTexts,
  ...webTexts,
  ...weightsTexts,
} as const;

export type Catalogue = typeof catalogue;
export type MessageKey = keyof Catalogue;
/** The tables, by area, for the completeness test. */
export const tables = {
  common: commonTexts,
  demo: demoTexts,
  cli: cliTexts,
  auth: authTexts,
  backup: backupTexts,
  config: configTexts,
  web: webTexts,
  grouping: groupingTexts,
  geometry: geometryTexts,
  registry: registryTexts,
  outreach: outreachTexts,
  text: textTexts,
  csv: csvTexts,
  report: reportTexts,
  docx: docxTexts,
  reportDefinition: reportDefinitionTexts,
  validation: validationTexts,
  questionnaire: questionnaireTexts,
  questionnaireChanges: questionnaireChangeTexts,
  round: roundTexts,
  collect: collectTexts,
  monitor: monitorTexts,
  analysis: analysisTexts,
  analyze: analyzeTexts,
  stats: statsTexts,
  export: exportTexts,
  weights: weightsTexts,
} as const;
