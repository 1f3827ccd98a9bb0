/**
 * `npm run atlas -- touches <region>` · `project <id>` · `measure <id>` [--json]
 * `npm run atlas -- status [--theme <theme>] [--csv | --json]`
 * A command-line view of the catalogue on the same domain code as the app.
 */
import type { Catalogue, ProjectTouch } from '../domain/catalogue.ts';
import type { Touch } from '../domain/types.ts';
import { readCatalogue, readDetails } from './load.ts';
import { statusReport } from './status.ts';

const USAGE = `usage: npm run atlas -- <command> [--json]
  touches <region>   projects touching a region (name, alias, pinyin/English or GB/T 2260 code)
  project <id>       one project: measures, stage, phrase, regions it touches
  measure <id>       one measure (e.g. c4.s1.i1) and its projects
  status             projects grouped by present status, with dates and sources
                     [--theme <theme>] only one theme (railway, highway, power …); [--csv] as CSV`;

function touchLabel(t: Touch): string {
  const parts: string[] = [];
  if (t.named) parts.push('named in the plan');
  if (t.spatial === 'crosses') parts.push(`crosses, ${t.km} km inside`);
  else if (t.spatial === 'contains' && t.km != null) parts.push(`lies inside, all ${t.km} km`);
  else if (t.spatial) parts.push(t.spatial);
  return parts.join('; ');
}

function touchesCommand(cat: Catalogue, query: string, json: boolean): number {
  const [region, ...others] = cat.findRegions(query);
  if (!region) {
    console.error(`No region matches "${query}". Try a name (包头, 锡林郭勒盟), an alias (锡盟), English (Baotou) or a code (150200).`);
    return 1;
  }
  const items = cat.projectsTouching(region.code);
  if (json) {
    console.log(JSON.stringify({ region, touches: items.map(({ project, touch }) => ({ ...touch, name_zh: project.properties.name_zh, name_en: project.properties.name_en, theme: project.properties.theme, stage: project.properties.stage, stage_verb: project.properties.stage_verb, measures: project.properties.measures, phrase: project.properties.phrase })) }, null, 2));
    return 0;
  }
  const parent = region.parent ? cat.region(region.parent) : undefined;
  console.log(`${region.name_zh} ${region.name_en} (${region.code}, ${region.level}${parent ? `, in ${parent.name_zh}` : ''})`);
  if (others.length) console.log(`  (also matched: ${others.slice(0, 4).map((r) => `${r.name_zh} ${r.code}`).join(', ')})`);
  console.log(`${items.length} projects touch it\n`);
  for (const ch of cat.groupByMeasure(items)) {
    console.log(`第${ch.chapter.chapter}章 ${ch.chapter.heading_zh} — ${ch.chapter.title_en}`);
    for (const mg of ch.measures) {
      console.log(`  [${mg.measure.id}] ${mg.measure.heading_zh} — ${mg.measure.title_en}`);
      for (const it of mg.items) console.log(`      ${line(it)}`);
    }
  }
  return 0;
}

function line({ project, touch }: ProjectTouch): string {
  const p = project.properties;
  return `${p.name_zh} · ${p.name_en} [${p.theme}] ${p.stage_verb}/${p.stage} (${touchLabel(touch)}) «${p.phrase}» ${p.id}`;
}

function projectCommand(cat: Catalogue, id: string, json: boolean): number {
  const f = cat.project(id);
  if (!f) {
    const near = cat.allProjects().filter((p) => p.properties.id.includes(id) || p.properties.name_zh.includes(id)).slice(0, 8);
    console.error(`No project ${id}.${near.length ? ` Did you mean: ${near.map((p) => p.properties.id).join(', ')}` : ''}`);
    return 1;
  }
  const regions = cat.regionsTouchedBy(id);
  const { status: _evidence, ...more } = readDetails().byProject[id] ?? {};
  if (json) {
    console.log(JSON.stringify({ ...f.properties, ...more, measures: f.properties.measures.map((m) => cat.measure(m)), regions: regions.map((r) => ({ ...r.touch, code: r.region.code, name_zh: r.region.name_zh, level: r.region.level })), geometry: f.geometry }, null, 2));
    return 0;
  }
  const p = f.properties;
  console.log(`${p.name_zh} · ${p.name_en}  (${p.id})`);
  console.log(`theme ${p.theme}${p.kind ? ` / ${p.kind}` : ''}; stage ${p.stage_verb} (${p.stage}); geometry ${p.geometry_spec}, ${p.precision}${p.km ? `, ${p.km} km` : ''}`);
  if (p.geometry_source) console.log(`geometry source: ${p.geometry_source}`);
  for (const s of more.alignment_sources ?? []) console.log(`  why: ${s.title} — ${s.publisher}, ${s.published}, ${s.url} (read ${s.read})`);
  console.log(`plan phrase: «${p.phrase}»`);
  if (more.note) console.log(`note: ${more.note}`);
  for (const m of p.measures) console.log(`measure: ${cat.measurePath(m).map((x) => `${x.id} ${x.heading_zh}`).join(' › ')}`);
  console.log(`touches ${regions.length} regions:`);
  for (const r of regions) console.log(`  ${r.region.code} ${r.region.name_zh} (${r.region.level}): ${touchLabel(r.touch)}`);
  return 0;
}

function measureCommand(cat: Catalogue, id: string, json: boolean): number {
  const m = cat.measure(id);
  if (!m) {
    console.error(`No measure ${id}. Ids look like c4, c4.s1, c4.s1.i1.`);
    return 1;
  }
  const projects = cat.projectsOfMeasure(id);
  if (json) {
    console.log(JSON.stringify({ ...m, path: cat.measurePath(id).map((x) => x.id), projects: projects.map((p) => p.properties) }, null, 2));
    return 0;
  }
  console.log(cat.measurePath(id).map((x) => `${x.id} ${x.heading_zh}${x.printed ? '' : ' (heading not printed)'}`).join(' › '));
  console.log(`${m.title_en}\n\n${m.summary_zh}\n\n${m.summary_en}\n`);
  for (const t of m.targets ?? []) console.log(`${t.year}: ${t.text_zh}\n      ${t.text_en}`);
  console.log(`${projects.length} projects:`);
  for (const p of projects) console.log(`  ${p.properties.name_zh} · ${p.properties.name_en} [${p.properties.theme}] ${p.properties.stage_verb} ${p.properties.id}`);
  return 0;
}

function statusCommand(argv: string[]): number {
  const at = argv.indexOf('--theme');
  const theme = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !theme) {
    console.error(USAGE);
    return 2;
  }
  const format = argv.includes('--csv') ? 'csv' : argv.includes('--json') ? 'json' : 'text';
  const report = statusReport(readCatalogue(), readDetails(), { theme, format });
  if (!report.ok) {
    console.error(report.error);
    return 1;
  }
  process.stdout.write(report.text);
  return 0;
}

function main(argv: string[]): number {
  if (argv[0] === 'status') return statusCommand(argv.slice(1));
  const json = argv.includes('--json');
  const [command, ...rest] = argv.filter((a) => a !== '--json');
  const arg = rest.join(' ');
  if (!command || !arg || !['touches', 'project', 'measure'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const cat = readCatalogue();
  if (command === 'touches') return touchesCommand(cat, arg, json);
  if (command === 'project') return projectCommand(cat, arg, json);
  return measureCommand(cat, arg, json);
}

process.exitCode = main(process.argv.slice(2));
