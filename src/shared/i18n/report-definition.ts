/**
 * Messages of a round's own report definition (report/definition.service.ts and its editor): its
 * versions, what a copy to a new round did to the years in its text, the editor's fields that do
 * not read as what they ask for, and a save that would overwrite someone else's. Paths such as
 * `chapters[0].blocks[1].text` are the definition's own field names and stay as they are.
 */
import type { TextTable } from './types.ts';

type Version = { year: number; version: number };

export const reportDefinitionTexts = {
  'reportdef.year_offset': {
    nb: (p: { offset: string }) => `offset må være et helt antall år før (-) eller etter runden, ikke «${p.offset}»`,
    nn: (p: { offset: string }) => `offset må vere eit heilt tal år før (-) eller etter runden, ikkje «${p.offset}»`,
    en: (p: { offset: string }) => `offset must be a whole number of years before (-) or after the round, not "${p.offset}"`,
  },
  'reportdef.no_version': {
    nb: (p: Version) => `runden for ${p.year} har ingen versjon ${p.version} av rapportdefinisjonen`,
    nn: (p: Version) => `runden for ${p.year} har ingen versjon ${p.version} av rapportdefinisjonen`,
    en: (p: Version) => `the ${p.year} round has no version ${p.version} of its report definition`,
  },
  'reportdef.no_chapter': {
    nb: (p: { year: number; chapter: number }) => `rapportdefinisjonen for ${p.year} har ikke noe kapittel ${p.chapter}`,
    nn: (p: { year: number; chapter: number }) => `rapportdefinisjonen for ${p.year} har ikkje noko kapittel ${p.chapter}`,
    en: (p: { year: number; chapter: number }) => `the ${p.year} report definition has no chapter ${p.chapter}`,
  },
  'reportdef.changed_meanwhile': {
    nb: (p: { chapter: number; version: number; by: string }) =>
      `kapittel ${p.chapter} er endret av ${p.by} (versjon ${p.version}) etter at du åpnet det; last siden på nytt og gjør endringen der`,
    nn: (p: { chapter: number; version: number; by: string }) =>
      `kapittel ${p.chapter} er endra av ${p.by} (versjon ${p.version}) etter at du opna det; last sida på nytt og gjer endringa der`,
    en: (p: { chapter: number; version: number; by: string }) =>
      `chapter ${p.chapter} was changed by ${p.by} (version ${p.version}) after you opened it; reload and make your change there`,
  },
  'reportdef.definition_changed': {
    nb: (p: { version: number; by: string }) =>
      `definisjonen er endret av ${p.by} (versjon ${p.version}) etter at du åpnet siden; last siden på nytt og prøv igjen`,
    nn: (p: { version: number; by: string }) =>
      `definisjonen er endra av ${p.by} (versjon ${p.version}) etter at du opna sida; last sida på nytt og prøv igjen`,
    en: (p: { version: number; by: string }) =>
      `the definition was changed by ${p.by} (version ${p.version}) after you opened the page; reload and try again`,
  },
  'reportdef.whole_numbers': {
    nb: (p: { value: string }) => `skriv hele tall skilt med komma (som 1, 2), ikke «${p.value}»`,
    nn: (p: { value: string }) => `skriv heile tal skilde med komma (som 1, 2), ikkje «${p.value}»`,
    en: (p: { value: string }) => `write whole numbers separated by commas (like 1, 2), not "${p.value}"`,
  },
  'reportdef.whole_number': {
    nb: (p: { value: string }) => `skriv et helt tall, ikke «${p.value}»`,
    nn: (p: { value: string }) => `skriv eit heilt tal, ikkje «${p.value}»`,
    en: (p: { value: string }) => `write a whole number, not "${p.value}"`,
  },
  'reportdef.unknown_question': {
    nb: (p: { value: string }) => `velg et spørsmål fra lista, ikke «${p.value}»`,
    nn: (p: { value: string }) => `vel eit spørsmål frå lista, ikkje «${p.value}»`,
    en: (p: { value: string }) => `choose a question from the list, not "${p.value}"`,
  },
  'reportdef.block_not_object': {
    nb: () => 'blokken må være et YAML-objekt, for eksempel «table: {kind: response-rates, title: …}»',
    nn: () => 'blokka må vere eit YAML-objekt, til dømes «table: {kind: response-rates, title: …}»',
    en: () => 'the block must be a YAML object, such as "table: {kind: response-rates, title: …}"',
  },
  // Why a version exists (stored with it as a message and worded where it is shown).
  'reportdef.note_copied': {
    nb: (p: { from: number; years: string }) => `Kopiert fra ${p.from}${p.years ? `; årstall gjort relative: ${p.years}` : ''}`,
    nn: (p: { from: number; years: string }) => `Kopiert frå ${p.from}${p.years ? `; årstal gjorde relative: ${p.years}` : ''}`,
    en: (p: { from: number; years: string }) => `Copied from ${p.from}${p.years ? `; years made relative: ${p.years}` : ''}`,
  },
  'reportdef.note_builtin': {
    nb: (p: { name: string }) => `Fra den innebygde definisjonen ${p.name}`,
    nn: (p: { name: string }) => `Frå den innebygde definisjonen ${p.name}`,
    en: (p: { name: string }) => `From the built-in definition ${p.name}`,
  },
  'reportdef.note_restored': {
    nb: (p: { version: number }) => `Gjenopprettet fra versjon ${p.version}`,
    nn: (p: { version: number }) => `Gjenoppretta frå versjon ${p.version}`,
    en: (p: { version: number }) => `Restored from version ${p.version}`,
  },
  'reportdef.note_imported': {
    nb: (p: { file: string }) => `Importert fra ${p.file}`,
    nn: (p: { file: string }) => `Importert frå ${p.file}`,
    en: (p: { file: string }) => `Imported from ${p.file}`,
  },
  'reportdef.note_chapter': {
    nb: (p: { chapter: number }) => `Kapittel ${p.chapter} redigert`,
    nn: (p: { chapter: number }) => `Kapittel ${p.chapter} redigert`,
    en: (p: { chapter: number }) => `Chapter ${p.chapter} edited`,
  },
  'reportdef.note_chapters': {
    nb: () => 'Kapitler eller forside endret',
    nn: () => 'Kapittel eller framside endra',
    en: () => 'Chapters or title page changed',
  },
} satisfies TextTable;
