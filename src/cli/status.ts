/**
 * `npm run atlas -- status [--theme railway] [--csv | --json]`: the projects grouped by present
 * status, with their dates and sources. Returns the text, so tests read what a person sees.
 */
import type { Catalogue } from '../domain/catalogue.ts';
import { csvDocument } from '../domain/csv.ts';
import { STATUS_COLUMNS, statusColumns } from '../domain/status.ts';
import type { DetailsFile, ProjectFeature, ProjectStatus, Theme } from '../domain/types.ts';
import { STATUSES, THEMES } from '../domain/vocabulary.ts';

export interface StatusOptions {
  theme?: string | undefined;
  format: 'text' | 'csv' | 'json';
}

export const STATUS_CSV_COLUMNS = ['id', 'name_zh', 'name_en', 'theme', ...STATUS_COLUMNS, 'sources', 'sections', 'note', 'disagreement'] as const;

/** What a status means, for the text report's headings. */
const HEADINGS: Record<(typeof STATUSES)[number], string> = {
  in_operation: 'in operation',
  partly_in_operation: 'partly in operation',
  under_construction: 'under construction',
  preparatory: 'preparatory (approved, planned or studied; not started)',
  not_started: 'not started',
  cancelled: 'cancelled',
  unknown: 'unknown (no source found, or not researched)',
};

function dates(e: { started?: string | undefined; opened?: string | undefined }): string {
  return [e.started && `started ${e.started}`, e.opened && `opened ${e.opened}`].filter(Boolean).join(', ');
}

function sectionsText(e: ProjectStatus | undefined): string[] {
  return (e?.sections ?? []).map((s) => `${s.name.zh}: ${s.status}${dates(s) ? ` (${dates(s)})` : ''}`);
}

/** The report, or an error (unknown theme). */
export function statusReport(cat: Catalogue, details: DetailsFile, opts: StatusOptions): { ok: true; text: string } | { ok: false; error: string } {
  if (opts.theme && !(THEMES as readonly string[]).includes(opts.theme))
    return { ok: false, error: `No theme "${opts.theme}". Themes: ${THEMES.join(', ')}.` };
  const theme = opts.theme as Theme | undefined;
  const projects = cat.allProjects().filter((p) => !theme || p.properties.theme === theme);
  const index = cat.statuses;
  const evidence = (id: string) => details.byProject[id]?.status;

  if (opts.format === 'csv') {
    const rows = projects.map((p) => {
      const e = index.entry(p.properties.id);
      const ev = e && evidence(p.properties.id);
      return {
        id: p.properties.id,
        name_zh: p.properties.name_zh,
        name_en: p.properties.name_en,
        theme: p.properties.theme,
        ...statusColumns(e, ev),
        sources: ev?.sources.map((s) => s.url) ?? [],
        sections: sectionsText(e),
        note: ev?.note ?? null,
        disagreement: ev?.disagreement ?? null,
      };
    });
    return { ok: true, text: csvDocument(STATUS_CSV_COLUMNS, rows) };
  }

  if (opts.format === 'json') {
    const list = projects.map((p) => ({
      id: p.properties.id,
      name_zh: p.properties.name_zh,
      name_en: p.properties.name_en,
      theme: p.properties.theme,
      status: index.statusOf(p.properties.id),
      researched: index.researched(p.properties.id),
      entry: index.entry(p.properties.id) ? { ...index.entry(p.properties.id), ...evidence(p.properties.id) } : null,
    }));
    return { ok: true, text: `${JSON.stringify({ as_of_max: index.asOf ?? null, theme: theme ?? null, projects: list }, null, 2)}\n` };
  }

  const progress = index.progressOf(projects.map((p) => p.properties.id));
  const out: string[] = [
    `Present status${theme ? ` of ${theme} projects` : ''}, as of ${index.asOf ?? '(no research yet)'}: ${progress.total} projects, ${progress.researched} researched`,
    STATUSES.filter((s) => progress.byStatus[s]).map((s) => `${progress.byStatus[s]} ${s}`).join(', '),
  ];
  const byStatus = new Map<string, ProjectFeature[]>();
  for (const p of projects) {
    const s = index.statusOf(p.properties.id);
    byStatus.set(s, [...(byStatus.get(s) ?? []), p]);
  }
  for (const s of STATUSES) {
    const list = byStatus.get(s);
    if (!list) continue;
    out.push('', `${HEADINGS[s]} — ${list.length}`);
    for (const p of list) {
      const pr = p.properties;
      const e = index.entry(pr.id);
      if (!e) {
        out.push(`  ${pr.name_zh} · ${pr.name_en} (${pr.id}) [${pr.theme}] — not researched`);
        continue;
      }
      const facts = [dates(e), `as of ${e.as_of}`, `confidence ${e.confidence}`].filter(Boolean).join(', ');
      out.push(`  ${pr.name_zh} · ${pr.name_en} (${pr.id}) [${pr.theme}] — ${facts}`);
      for (const line of sectionsText(e)) out.push(`      section ${line}`);
      const ev = evidence(pr.id);
      ev?.sources.forEach((src, i) => out.push(`      [${i}] ${src.title} — ${src.publisher}${src.published ? `, ${src.published}` : ''} ${src.url}`));
      if (!ev?.sources.length) out.push(`      no source: ${ev?.note ?? '(no note)'}`);
      if (ev?.disagreement) out.push(`      sources disagree: ${ev.disagreement}`);
    }
  }
  return { ok: true, text: `${out.join('\n')}\n` };
}
