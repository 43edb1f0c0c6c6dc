/**
 * The accessibility statement (tilgjengelighetserklæring), linked from the foot of every
 * respondent page: the standard the forms are built to, how they are checked, the day of the last
 * automated check (KOMMUNEPULS_A11Y_CHECKED), and where to report a problem
 * (KOMMUNEPULS_A11Y_CONTACT, or the sender of the mail). It says only what the project's own
 * tests check: axe-core's WCAG 2.1 A and AA rules on every page type in Chromium, pages at 320 px
 * wide without sideways scrolling, and forms that work without JavaScript.
 */
import type { Env, Hono } from 'hono';
import type { Config } from '../../config/config.ts';
import type { Language } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDate, osloMidnightUtc } from '../../shared/time.ts';
import { respondentPage, respondentPolicy } from './layout.ts';

interface Statement {
  readonly title: string;
  readonly intro: string;
  readonly standardHeading: string;
  readonly standard: string;
  readonly checksHeading: string;
  readonly checks: readonly string[];
  readonly checked: (date: string | undefined) => string;
  readonly reportHeading: string;
  readonly report: (contact: Html) => Html;
  readonly authority: Html;
}

const uu = html`<a href="https://www.uutilsynet.no/">Tilsynet for universell utforming av IKT</a>`;

const texts: Record<Language, Statement> = {
  nb: {
    title: 'Tilgjengelighetserklæring',
    intro: 'Denne erklæringen gjelder skjemaene i kommuneundersøkelsen, som du når gjennom den personlige lenken din.',
    standardHeading: 'Krav',
    standard: 'Skjemaene er laget for å oppfylle WCAG 2.1 på nivå AA, som forskrift om universell utforming av IKT krever.',
    checksHeading: 'Slik kontrolleres sidene',
    checks: [
      'Hver sidetype i skjemaet kontrolleres automatisk i nettleseren Chromium med axe-core mot reglene i WCAG 2.1 A og AA.',
      'Sidene kontrolleres i 320 piksler bredde, der de skal kunne leses uten å rulle sidelengs.',
      'Skjemaene virker uten JavaScript, og svarene lagres på serveren hver gang du går videre.',
    ],
    checked: (d) =>
      d ? `Siste automatiske kontroll: ${d}.` : 'Datoen for siste automatiske kontroll er ikke oppgitt for denne installasjonen.',
    reportHeading: 'Meld fra om problemer',
    report: (c) =>
      html`Får du ikke svart, eller er noe vanskelig å bruke, skriv til ${c}. Skriv hvilken side det gjelder og hva som skjedde. Du kan også svare på e-posten med lenken.`,
    authority: html`Får du ikke svar eller er misfornøyd med svaret, kan du klage til ${uu}.`,
  },
  nn: {
    title: 'Tilgjengeerklæring',
    intro: 'Denne erklæringa gjeld skjemaa i kommuneundersøkinga, som du når gjennom den personlege lenkja di.',
    standardHeading: 'Krav',
    standard: 'Skjemaa er laga for å oppfylle WCAG 2.1 på nivå AA, som forskrift om universell utforming av IKT krev.',
    checksHeading: 'Slik blir sidene kontrollerte',
    checks: [
      'Kvar sidetype i skjemaet blir kontrollert automatisk i nettlesaren Chromium med axe-core mot reglane i WCAG 2.1 A og AA.',
      'Sidene blir kontrollerte i 320 pikslar breidd, der dei skal kunne lesast utan å rulle sidelengs.',
      'Skjemaa verkar utan JavaScript, og svara blir lagra på tenaren kvar gong du går vidare.',
    ],
    checked: (d) =>
      d ? `Siste automatiske kontroll: ${d}.` : 'Datoen for siste automatiske kontroll er ikkje oppgitt for denne installasjonen.',
    reportHeading: 'Meld frå om problem',
    report: (c) =>
      html`Får du ikkje svart, eller er noko vanskeleg å bruke, skriv til ${c}. Skriv kva side det gjeld og kva som skjedde. Du kan òg svare på e-posten med lenkja.`,
    authority: html`Får du ikkje svar eller er misnøgd med svaret, kan du klage til ${uu}.`,
  },
  en: {
    title: 'Accessibility statement',
    intro: 'This statement covers the questionnaires of the municipal survey, which you reach through your personal link.',
    standardHeading: 'Standard',
    standard: 'The questionnaires are made to meet WCAG 2.1 level AA, as the Norwegian regulations on universal design of ICT require.',
    checksHeading: 'How the pages are checked',
    checks: [
      'Every page type of the questionnaire is checked automatically in the Chromium browser with axe-core against the WCAG 2.1 A and AA rules.',
      'The pages are checked at 320 pixels wide, where they must read without scrolling sideways.',
      'The questionnaires work without JavaScript, and your answers are saved on the server each time you go on.',
    ],
    checked: (d) => (d ? `Last automated check: ${d}.` : 'The date of the last automated check is not given for this installation.'),
    reportHeading: 'Report a problem',
    report: (c) =>
      html`If you cannot answer, or something is hard to use, write to ${c}. Say which page it was and what happened. You can also reply to the e-mail with the link.`,
    authority: html`If you get no answer or are not satisfied with it, you can complain to ${uu} (the Norwegian Digitalisation Agency's supervisory authority).`,
  },
};

const languages: readonly Language[] = ['nb', 'nn', 'en'];

export function accessibilityRoutes<E extends Env>(app: Hono<E>, cfg: Config): void {
  app.get('/tilgjengelighet', (c) => {
    const asked = c.req.query('lang');
    const lang = languages.find((l) => l === asked) ?? 'nb';
    const t = texts[lang];
    const { contact, checked } = cfg.accessibility;
    const date = checked && lang !== 'en' ? formatOsloDate(osloMidnightUtc(checked)) : checked;
    c.header('Content-Security-Policy', respondentPolicy);
    const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<h2>${t.standardHeading}</h2>
<p>${t.standard}</p>
<h2>${t.checksHeading}</h2>
<ul>${t.checks.map((x) => html`<li>${x}</li>`)}</ul>
<p>${t.checked(date)}</p>
<h2>${t.reportHeading}</h2>
<p>${t.report(html`<a href="mailto:${contact}">${contact}</a>`)}</p>
<p>${t.authority}</p>`;
    return c.html(
      respondentPage({ lang, languages, here: '/tilgjengelighet', title: t.title, surveyTitle: 'Kommunepuls', footer: false }, body),
    );
  });
}
