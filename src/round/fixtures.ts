/**
 * Test fixtures: a small template with every question type and both kinds of routing, written
 * to a temporary folder, and a registry for it with a capital and its districts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { roles } from '../questionnaire/model.ts';

const jnv = [
  { code: 1, label: 'Ja' },
  { code: 2, label: 'Nei' },
  { code: 9, label: 'Vet ikke' },
];

export function miniQuestionnaire(role: string) {
  return {
    role,
    title: { nb: `Skjema for ${role}`, nn: `Skjema for ${role}`, en: `Form for ${role}` },
    sections: [
      { key: 'om_deg', title: 'Om deg' },
      { key: 'tema', title: 'Tema' },
    ],
    questions: [
      { key: 'rolle', type: 'text', section: 'om_deg', text: 'Hva er din rolle?', maxLength: 200 },
      { key: 'samarbeid', type: 'single', section: 'tema', text: 'Samarbeider kommunen?', options: jnv },
      {
        key: 'samarbeid_med',
        type: 'multi',
        section: 'tema',
        text: 'Med hvem?',
        showIf: { question: 'samarbeid', codes: [1] },
        options: [
          { code: 1, label: 'Politi' },
          { code: 2, label: 'Skole' },
          { code: 3, label: 'Annet (spesifiser)', specify: true },
          { code: 4, label: 'Ingen av disse', exclusive: true },
        ],
      },
      {
        key: 'utfordring',
        type: 'scale',
        section: 'tema',
        text: 'Hvor stor er utfordringen?',
        scale: { min: 1, max: 5, minLabel: 'I liten grad', maxLabel: 'I stor grad', extra: [{ code: 9, label: 'Vet ikke' }] },
      },
      {
        key: 'kjennskap',
        type: 'matrix',
        section: 'tema',
        text: 'Kjenner du til …',
        items: [
          { key: 'nettsted', label: 'nettstedet' },
          { key: 'statistikk', label: 'statistikken' },
        ],
        options: jnv.slice(0, 2),
      },
      { key: 'har_oversikt', type: 'single', section: 'tema', text: 'Har dere oversikt?', options: jnv },
      {
        key: 'antall',
        type: 'integer',
        section: 'tema',
        text: 'Hvor mange?',
        min: 0,
        max: 500,
        showIf: { question: 'har_oversikt', codes: [1] },
      },
      {
        key: 'intro_maal',
        type: 'single',
        section: 'tema',
        text: 'Har dere resultatmål for introduksjonsprogrammet?',
        options: jnv,
        eligibleIf: { attribute: 'deltakere_intro', op: '>', value: 0 },
      },
    ],
  };
}

type MiniQuestionnaire = ReturnType<typeof miniQuestionnaire>;

/**
 * Writes the mini template (year 2019, window 3–29 January 2020) and returns its folder; `edit`
 * may change each role's questionnaire first (e.g. move a follow-up to a page of its own).
 */
export function writeMiniTemplate(edit: (q: MiniQuestionnaire) => unknown = (q) => q): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-template-'));
  const files = roles.map((r) => `${r}.yaml`);
  fs.writeFileSync(
    path.join(dir, 'template.yaml'),
    YAML.stringify({
      key: 'mini-2019',
      title: 'Mini',
      year: 2019,
      window: { opens: '2020-01-03', closes: '2020-01-29' },
      reminders: [7],
      questionnaires: files,
    }),
  );
  for (const r of roles) fs.writeFileSync(path.join(dir, `${r}.yaml`), YAML.stringify(edit(miniQuestionnaire(r))));
  return dir;
}

/** Registry for the mini template: 6 municipalities (0301 the capital, 0302 without intro participants) and 2 districts. */
export const miniRegistryCsv = [
  'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;deltakere_intro',
  '0301;Hovedstad;03;Sentrum;690000;500',
  '0302;Lillevik;03;Sentrum;1500;0',
  '0303;Storvik;03;Sentrum;25000;40',
  '0401;Fjellbygd;04;Innlandet;4000;',
  '0402;Dalbygd;04;Innlandet;8000;12',
  '0403;Sjøbygd;04;Innlandet;12000;3',
  '030101;Bydel Nord;03;Sentrum;50000;80',
  '030102;Bydel Sør;03;Sentrum;60000;90',
].join('\n');
