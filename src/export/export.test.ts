/**
 * Researcher exports on the mini round: CSV, XLSX and SAV carry the stored codes (recodes
 * applied), labels and missing values, neutralise formulas in text, and hold no contact data.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { recodeAnswer } from '../analysis/recode.ts';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { isCi } from '../config/config.ts';
import { importContacts } from '../outreach/contact.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { exportResponsesToFile } from './export.service.ts';

const template = writeMiniTemplate();
const contact = { name: 'Kari Hemmelig', email: 'kari.hemmelig@example.no', phone: '99887766' };

const response = (unitNumber: string, answers: [string, Answer][], status: 'submitted' | 'in_progress' = 'submitted'): ResponseInput => ({
  unitNumber,
  status,
  answers: new Map(answers),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: status === 'submitted' ? new Date('2020-01-06T08:00:00Z') : null,
});

async function miniRound(store: Store): Promise<void> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    response('0301', [
      ['rolle', { kind: 'text', value: '=HYPERLINK("http://x","klikk")' }],
      ['samarbeid', { kind: 'codes', codes: [1] }],
      ['samarbeid_med', { kind: 'codes', codes: [2, 3], text: '-lensmannen, æøå' }],
      ['utfordring', { kind: 'codes', codes: [9] }],
      ['kjennskap', { kind: 'items', items: { nettsted: 1, statistikk: 2 } }],
      ['har_oversikt', { kind: 'codes', codes: [1] }],
      ['antall', { kind: 'number', value: 42 }],
      ['intro_maal', { kind: 'codes', codes: [2] }],
    ]),
    response('0302', [
      ['samarbeid', { kind: 'codes', codes: [2] }],
      ['utfordring', { kind: 'codes', codes: [4] }],
      ['har_oversikt', { kind: 'codes', codes: [2] }],
    ]),
    response('0303', [['samarbeid', { kind: 'codes', codes: [1] }]], 'in_progress'),
    response('0401', [
      ['samarbeid', { kind: 'codes', codes: [1] }],
      ['samarbeid_med', { kind: 'codes', codes: [3], text: 'Politiet' }],
    ]),
    response('030101', [['samarbeid', { kind: 'codes', codes: [2] }]]),
  ]);
  // "Politiet" is recoded into Politi (1).
  await recodeAnswer(store, 2019, 'kommunedirektor', '0401', 'samarbeid_med', 1, 'Analytiker');
  await importContacts(
    store,
    2019,
    `kommunenummer,rolle,navn,epost,telefon\n0301,kommunedirektor,${contact.name},${contact.email},${contact.phone}\n`,
    'kontakter.csv',
    'test',
  );
}

function noContactData(text: string, what: string): void {
  for (const v of Object.values(contact)) assert.ok(!text.includes(v), `${what} contains contact data "${v}"`);
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kp-export-'));

describeStores('researcher exports', (test) => {
  test('CSV: one row per submitted unit with codes, 0/1 per option, recodes applied, a codebook, and no contact data', async (store) => {
    await miniRound(store);
    const dir = tmp();
    const out = path.join(dir, 'kd.csv');
    const r = await exportResponsesToFile(store, {
      year: 2019,
      role: 'kommunedirektor',
      format: 'csv',
      out,
      attributes: ['folketall'],
      batchSize: 2,
    });
    assert.deepEqual(r.files, [out, path.join(dir, 'kd.codebook.csv')]);
    const text = fs.readFileSync(out, 'utf8');
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => x.kommunenummer),
      ['0301', '0302', '0401'],
      'submitted municipalities only',
    );
    const [a, b, c] = rows;
    assert.deepEqual(
      { ...a },
      {
        kommunenummer: '0301',
        enhet: 'Hovedstad',
        fylkesnummer: '03',
        status: '1',
        folketall: '690000',
        rolle_tekst: `'=HYPERLINK("http://x","klikk")`,
        samarbeid: '1',
        samarbeid_med_1: '0',
        samarbeid_med_2: '1',
        samarbeid_med_3: '1',
        samarbeid_med_4: '0',
        samarbeid_med_tekst: "'-lensmannen, æøå",
        utfordring: '9',
        kjennskap_nettsted: '1',
        kjennskap_statistikk: '2',
        har_oversikt: '1',
        antall: '42',
        intro_maal: '2',
      },
    );
    assert.equal(b?.samarbeid_med_1, '', 'not asked: empty, not 0');
    assert.equal(b?.antall, '');
    assert.equal(b?.rolle_tekst, '');
    assert.equal(b?.utfordring, '4');
    assert.deepEqual(
      [c?.samarbeid_med_1, c?.samarbeid_med_3, c?.samarbeid_med_tekst],
      ['1', '0', 'Politiet'],
      'the recode moves "annet" to Politi; the text stays',
    );
    const book = parse(fs.readFileSync(path.join(dir, 'kd.codebook.csv'), 'utf8'), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const utfordring = book.find((x) => x.variabel === 'utfordring');
    assert.equal(utfordring?.tekst, 'Hvor stor er utfordringen?');
    assert.equal(utfordring?.koder, '1=1 – I liten grad; 2=2; 3=3; 4=4; 5=5 – I stor grad; 9=Vet ikke');
    assert.equal(utfordring?.manglende_koder, '9');
    assert.equal(book.find((x) => x.variabel === 'samarbeid_med_3')?.tekst, 'Med hvem? – Annet (spesifiser)');
    noContactData(text + fs.readFileSync(path.join(dir, 'kd.codebook.csv'), 'utf8'), 'CSV');

    await exportResponsesToFile(store, { year: 2019, role: 'kommunedirektor', format: 'csv', out, includeInProgress: true });
    const all = parse(fs.readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(
      all.map((x) => [x.kommunenummer, x.status]),
      [
        ['0301', '1'],
        ['0302', '1'],
        ['0303', '2'],
        ['0401', '1'],
      ],
    );
    await exportResponsesToFile(store, { year: 2019, role: 'kommunedirektor', format: 'csv', out, districts: true });
    const districts = parse(fs.readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(
      districts.map((x) => [x.kommunenummer, x.enhet, x.samarbeid]),
      [['030101', 'Bydel Nord', '2']],
    );
    await assert.rejects(
      exportResponsesToFile(store, { year: 2019, role: 'kommunedirektor', format: 'csv', out, attributes: ['mangler'] }),
      /no attribute "mangler"/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('XLSX: a Data sheet with codes as numbers and text as string cells (never formulas), a Kodebok sheet, no contact data', async (store) => {
    await miniRound(store);
    const dir = tmp();
    const out = path.join(dir, 'kd.xlsx');
    await exportResponsesToFile(store, { year: 2019, role: 'kommunedirektor', format: 'xlsx', out, attributes: ['folketall'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const data = wb.getWorksheet('Data');
    const book = wb.getWorksheet('Kodebok');
    assert.ok(data && book);
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => data.getRow(row).getCell(header.indexOf(name) + 1).value;
    assert.equal(data.rowCount, 4, 'header and three units');
    assert.equal(cell(2, 'kommunenummer'), '0301', 'unit numbers keep their leading zero');
    assert.equal(cell(2, 'samarbeid'), 1);
    assert.equal(cell(2, 'samarbeid_med_2'), 1);
    assert.equal(cell(2, 'samarbeid_med_1'), 0);
    assert.equal(cell(2, 'utfordring'), 9);
    assert.equal(cell(2, 'antall'), 42);
    assert.equal(cell(2, 'folketall'), 690000);
    // XLSX text is a string cell, so it is written as typed: no apostrophe, and "=..." is no formula.
    const rolle = data.getRow(2).getCell(header.indexOf('rolle_tekst') + 1);
    assert.equal(rolle.type, ExcelJS.ValueType.String);
    assert.equal(rolle.formula, undefined);
    assert.equal(rolle.value, '=HYPERLINK("http://x","klikk")');
    assert.equal(cell(2, 'samarbeid_med_tekst'), '-lensmannen, æøå');
    assert.equal(cell(3, 'antall'), null, 'missing is an empty cell');
    assert.equal(cell(4, 'samarbeid_med_1'), 1, 'recode applied');
    const bookRows = new Map<string, unknown[]>();
    book.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      bookRows.set(String(v[0]), v);
    });
    assert.deepEqual(bookRows.get('variabel'), ['variabel', 'tekst', 'type', 'koder', 'manglende_koder']);
    assert.deepEqual(bookRows.get('samarbeid'), ['samarbeid', 'Samarbeider kommunen?', 'enkeltvalg', '1=Ja; 2=Nei; 9=Vet ikke']);
    assert.equal(bookRows.get('utfordring')?.[4], '9', 'missing codes');
    const everything: string[] = [];
    for (const ws of [data, book]) ws.eachRow((row) => everything.push(JSON.stringify(row.values)));
    noContactData(everything.join('\n'), 'XLSX');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('SAV: PSPP reads values, variable and value labels, user-missing codes, empty answers as missing (not 0), and long texts whole', async (store, ctx) => {
    await miniRound(store);
    // A free-text answer far over 255 bytes (the old writer cut it there), written as "very long string" segments.
    let long = '';
    while (Buffer.byteLength(long) < 3100) long += 'Samarbeid med "NAV" og \'lensmannen\' om æøå ÆØÅ,\r\nog mer; ';
    long = `${long}slutt${'.'.repeat(3179 - 5 - Buffer.byteLength(long))}`; // 3 179 bytes
    await saveResponses(store, 2019, 'kommunedirektor', [
      response('0402', [
        ['samarbeid', { kind: 'codes', codes: [1] }],
        ['samarbeid_med', { kind: 'codes', codes: [3], text: long }],
      ]),
    ]);
    const longBytes = Buffer.byteLength(long);
    const dir = tmp();
    const out = path.join(dir, 'kd.sav');
    await exportResponsesToFile(store, { year: 2019, role: 'kommunedirektor', format: 'sav', out, attributes: ['folketall'] });
    noContactData(fs.readFileSync(out).toString('latin1') + fs.readFileSync(out).toString('utf8'), 'SAV');
    const pspp = spawnSync('pspp', ['--version'], { encoding: 'utf8' });
    if (pspp.error) {
      if (isCi()) assert.fail('pspp must be installed in CI (.ci/run installs it)');
      process.stdout.write(`# SKIPPED [${ctx.dialect}]: pspp is not installed, so the SAV file was written but not read back\n`);
      return;
    }
    const syntax = path.join(dir, 'read.sps');
    fs.writeFileSync(
      syntax,
      [
        `GET FILE='${out}'.`,
        'DISPLAY DICTIONARY.',
        'LIST.',
        'COMPUTE mis_utf = MISSING(utfordring).',
        'COMPUTE sys_med = SYSMIS(samarbeid_med_1).',
        'COMPUTE sys_ant = SYSMIS(antall).',
        'LIST VARIABLES=kommunenummer mis_utf sys_med sys_ant.',
        // Hex of the raw bytes, so the long text can be compared byte for byte (CSV output turns CR LF into LF).
        `WRITE OUTFILE='${path.join(dir, 'texts.txt')}' /kommunenummer (AHEX8) samarbeid_med_tekst (AHEX${2 * longBytes}).`,
        'EXECUTE.',
        '',
      ].join('\n'),
    );
    const outCsv = path.join(dir, 'out.csv');
    const run = spawnSync('pspp', ['-O', 'format=csv', '-o', outCsv, syntax], { encoding: 'utf8' });
    assert.equal(run.status, 0, `pspp failed: ${run.stdout}${run.stderr}`);
    const lines = fs.readFileSync(outCsv, 'utf8').split(/\r?\n/);
    const has = (line: string) => assert.ok(lines.includes(line), `PSPP output lacks ${line}\n${lines.join('\n')}`);
    // Dictionary: variable labels, formats and user-missing codes.
    has('utfordring,13,Hvor stor er utfordringen?,Ordinal,Input,8,Right,F8.0,F8.0,9');
    has('samarbeid_med_3,10,Med hvem? – Annet (spesifiser),Nominal,Input,8,Right,F8.0,F8.0,');
    has('kommunenummer,1,Kommunenummer,Nominal,Input,4,Left,A4,A4,');
    // Value labels, the scale extra marked as user-missing.
    has('Hvor stor er utfordringen?,1,1 – I liten grad');
    has(',9[a],Vet ikke');
    has('Med hvem? – Politi,0,Ikke valgt');
    has('Status for svaret,1,Sendt inn');
    // Data: codes, text as typed (no apostrophe in SPSS), missing as "." (system-missing), not 0.
    has(
      'kommunenummer,enhet,fylkesnummer,status,folketall,rolle_tekst,samarbeid,samarbeid_med_1,samarbeid_med_2,samarbeid_med_3,samarbeid_med_4,samarbeid_med_tekst,utfordring,kjennskap_nettsted,kjennskap_statistikk,har_oversikt,antall,intro_maal',
    );
    has('0301,Hovedstad,03,1,690000,"=HYPERLINK(""http://x"",""klikk"")",1,0,1,1,0,"-lensmannen, æøå",9,1,2,1,42,2');
    has('0302,Lillevik,03,1,1500,,2,.,.,.,.,,4,.,.,2,.,.');
    has('0401,Fjellbygd,04,1,4000,,1,1,0,0,0,Politiet,.,.,.,.,.,.');
    // MISSING() sees the user-missing 9; SYSMIS() the unanswered follow-ups.
    has('0301,1.00,.00,.00');
    has('0302,.00,1.00,1.00');
    has(`samarbeid_med_tekst,12,"Med hvem? – annet, spesifiser",Nominal,Input,40,Left,A${longBytes},A${longBytes},`);
    const texts = fs
      .readFileSync(path.join(dir, 'texts.txt'), 'latin1')
      .split('\n')
      .map((line) => [line.slice(0, 8), line.slice(8)].map((hex) => Buffer.from(hex, 'hex').toString('utf8').replace(/ +$/, '')));
    assert.deepEqual(texts.find(([unit]) => unit === '0402')?.[1], long, 'the long answer comes back from PSPP byte for byte');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
