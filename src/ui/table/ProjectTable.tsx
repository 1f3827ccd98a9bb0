/**
 * The plan's projects as a table for analysts: sort by any column (the headers are buttons, the
 * sorted one carries aria-sort), filter by name and by layer, stage and status, choose the columns,
 * select a row (click, or arrow keys and Enter), follow the selection made elsewhere (the row is
 * highlighted and scrolled to), and export what is shown as CSV or XLSX in Chinese or English.
 * Only the rows in view are rendered (use-row-window.ts), so ten times the catalogue scrolls smoothly.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Catalogue } from '../../domain/catalogue.ts';
import {
  availableColumns,
  buildRows,
  cellText,
  DEFAULT_SORT,
  facetOptions,
  FIXED_COLUMNS,
  isTableFiltering,
  NO_TABLE_FILTER,
  nextSort,
  shownColumns,
  tableModel,
  type Facet,
  type StatusOf,
  type TableColumn,
  type TableFilter,
  type TableLabels,
  type TableRow,
  type TableSort,
} from '../../domain/project-table.ts';
import type { ProjectFeature, Stage } from '../../domain/types.ts';
import type { Lang } from '../../domain/url-state.ts';
import { download } from '../../export/download.ts';
import { CSV_MIME, projectTableSheet, sheetCsv, sheetXlsx, tableFileName } from '../../export/table.ts';
import { themeOf } from '../../map/themes/index.ts';
import { measureHeading } from '../measure-label.ts';
import './project-table.css';
import { useRowWindow } from './use-row-window.ts';

export interface ProjectTableProps {
  catalogue: Catalogue;
  /** The projects to list: all of them, the filtered ones, or a region's. */
  projects: readonly ProjectFeature[];
  lang: Lang;
  /** The selected project (selected here or elsewhere): highlighted and scrolled to. */
  selectedId: string | null;
  onSelectProject: (id: string) => void;
  /** Present status of a project, where a status source knows it; without it there is no status column. */
  statusOf?: StatusOf;
  /** Names the exported file and sheet (default: “规划项目表” / “Plan projects”). */
  title?: string;
}

/** Row and header heights, px (fixed, so the window needs no measuring; the CSS takes them as --ptable-row, --ptable-head). */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 36;

/** Column widths, px: the table scrolls sideways in a narrow panel rather than squeezing names. */
const WIDTHS: Record<TableColumn, number> = { name: 280, layer: 120, measure: 220, stage: 150, status: 130, regions: 220, km: 112, precision: 96 };

export function tableLabels(catalogue: Catalogue, lang: Lang, t: TFunction): TableLabels {
  return {
    layer: (p) => {
      const def = themeOf(p, catalogue);
      return { id: def?.id ?? '', label: def?.label[lang] ?? '' };
    },
    measure: (id) => {
      const m = catalogue.measure(id);
      return m ? measureHeading(m, lang) : id;
    },
    stage: (s) => t(`stage.${s}`),
    precision: (p) => t(`precision.${p}`, { defaultValue: p }),
    status: (s) => t(`status.value.${s}`, { defaultValue: s }),
  };
}

function ariaSort(sort: TableSort, c: TableColumn): 'ascending' | 'descending' | undefined {
  return sort.column === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
}

interface RowProps {
  row: TableRow;
  index: number;
  columns: readonly TableColumn[];
  lang: Lang;
  rowId: string;
  selected: boolean;
  active: boolean;
  onClick: (index: number) => void;
}

const Row = memo(function Row({ row, index, columns, lang, rowId, selected, active, onClick }: RowProps) {
  return (
    <div
      id={rowId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-project={row.id}
      className={`ptable__row${index % 2 ? ' is-odd' : ''}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      onClick={() => onClick(index)}
    >
      {columns.map((c) => {
        const text = cellText(row, c, lang);
        return (
          <div key={c} role="gridcell" className={`ptable__cell ptable__cell--${c}`} style={{ width: WIDTHS[c] }} title={text || undefined} lang={c === 'stage' ? 'zh-Hans' : undefined}>
            {text}
          </div>
        );
      })}
    </div>
  );
});

export function ProjectTable({ catalogue, projects, lang, selectedId, onSelectProject, statusOf, title }: ProjectTableProps) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState<TableFilter>(NO_TABLE_FILTER);
  const [hidden, setHidden] = useState<ReadonlySet<TableColumn>>(() => new Set());
  const [active, setActive] = useState(-1);
  const [exportLang, setExportLang] = useState<Lang>(lang);
  const [exportNote, setExportNote] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => setExportLang(lang), [lang]);

  const labels = useMemo(() => tableLabels(catalogue, lang, t), [catalogue, lang, t]);
  const rows = useMemo(() => buildRows(catalogue, projects, lang, labels, statusOf), [catalogue, projects, lang, labels, statusOf]);
  const model = useMemo(() => tableModel(rows, filter, sort, lang), [rows, filter, sort, lang]);
  const columns = useMemo(() => shownColumns(availableColumns(statusOf != null), hidden), [statusOf, hidden]);
  const offered = useMemo(() => availableColumns(statusOf != null), [statusOf]);
  const facets = useMemo(
    () => ({ layer: facetOptions(rows, 'layer', lang), stage: facetOptions(rows, 'stage', lang), status: facetOptions(rows, 'status', lang) }),
    [rows, lang],
  );

  const win = useRowWindow(scroller, { count: model.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT });
  const { scrollToRow } = win;

  const rowId = useCallback((id: string) => `${uid}-row-${id}`, [uid]);
  const selectedIndex = useMemo(() => (selectedId == null ? -1 : model.findIndex((r) => r.id === selectedId)), [model, selectedId]);

  // The selection made elsewhere (the map, a list): move the row focus to it and bring it into view.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActive(selectedIndex);
    scrollToRow(selectedIndex, 'center');
    // Only when the selection changes, not when sorting moves it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  // Keep the row focus inside the rows shown.
  useEffect(() => {
    setActive((a) => (a >= model.length ? model.length - 1 : a));
  }, [model.length]);

  const moveTo = useCallback(
    (index: number) => {
      if (model.length === 0) return;
      const i = Math.max(0, Math.min(model.length - 1, index));
      setActive(i);
      scrollToRow(i);
    },
    [model.length, scrollToRow],
  );

  const onRowClick = useCallback(
    (index: number) => {
      const row = model[index];
      if (!row) return;
      setActive(index);
      onSelectProject(row.id);
    },
    [model, onSelectProject],
  );

  const pageRows = () => Math.max(1, Math.floor(((scroller.current?.clientHeight || 480) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the header buttons are theirs
    const from = active < 0 ? (selectedIndex >= 0 ? selectedIndex : -1) : active;
    const moves: Record<string, () => number> = {
      ArrowDown: () => from + 1,
      ArrowUp: () => (from < 0 ? 0 : from - 1),
      PageDown: () => from + pageRows(),
      PageUp: () => from - pageRows(),
      Home: () => 0,
      End: () => model.length - 1,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      moveTo(move());
    } else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
      e.preventDefault();
      onRowClick(active);
    }
  };

  const setFacet = (facet: Facet, value: string) => setFilter((f) => ({ ...f, [facet]: value === '' ? null : (value as Stage) }));

  const runExport = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setExportNote(t('table.exporting'));
    try {
      const tx = i18n.getFixedT(exportLang);
      // The file holds what the table shows, in the file's language: rows rebuilt in it, in the order shown.
      const fileRows = exportLang === lang ? model : orderLike(buildRows(catalogue, projects, exportLang, tableLabels(catalogue, exportLang, tx), statusOf), model);
      const name = title ?? tx('table.fileTitle');
      const sheet = projectTableSheet(name, fileRows, columns, exportLang, (c) => tx(`table.columns.${c}`));
      const file = tableFileName(name, new Date(), format);
      download(format === 'csv' ? new Blob([sheetCsv(sheet)], { type: CSV_MIME }) : await sheetXlsx(sheet), file);
      setExportNote(t('table.exported', { file }));
    } catch (err) {
      setExportNote(t('table.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  const header = (c: TableColumn) => t(`table.columns.${c}`);
  const activeRow = active >= 0 ? model[active] : undefined;
  const tableWidth = columns.reduce((s, c) => s + WIDTHS[c], 0);

  return (
    <section className="ptable" aria-labelledby={`${uid}-heading`}>
      <div className="ptable__bar">
        <h2 id={`${uid}-heading`} className="ptable__heading">
          {t('table.heading')}
        </h2>
        <span className="ptable__count" aria-live="polite" data-testid="ptable-count">
          {t('table.count', { shown: model.length, total: rows.length })}
        </span>
      </div>
      <div className="ptable__tools">
        <label className="ptable__search">
          <span className="visually-hidden">{t('table.filterText')}</span>
          <input type="search" value={filter.text} placeholder={t('table.filterPlaceholder')} aria-label={t('table.filterText')} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} />
        </label>
        {(['layer', 'stage', 'status'] as const)
          .filter((f) => f !== 'status' || statusOf != null)
          .map((facet) => (
            <label key={facet} className="ptable__facet">
              <span>{header(facet)}</span>
              <select value={filter[facet] ?? ''} onChange={(e) => setFacet(facet, e.target.value)} data-facet={facet}>
                <option value="">{t('table.any')}</option>
                {facets[facet].map((o) => (
                  <option key={o.value} value={o.value}>
                    {`${o.label} (${o.count})`}
                  </option>
                ))}
              </select>
            </label>
          ))}
        {isTableFiltering(filter) && (
          <button type="button" className="button-quiet" onClick={() => setFilter(NO_TABLE_FILTER)}>
            {t('table.clearFilters')}
          </button>
        )}
        <details className="ptable__columns">
          <summary>{t('table.columnsButton')}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('table.columnsButton')}</legend>
            {offered.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={!hidden.has(c)}
                  disabled={FIXED_COLUMNS.includes(c)}
                  data-column={c}
                  onChange={(e) =>
                    setHidden((h) => {
                      const next = new Set(h);
                      if (e.target.checked) next.delete(c);
                      else next.add(c);
                      return next;
                    })
                  }
                />
                {header(c)}
              </label>
            ))}
          </fieldset>
        </details>
      </div>

      <div className="ptable__scroll" ref={scroller} style={{ ['--ptable-row' as string]: `${ROW_HEIGHT}px`, ['--ptable-head' as string]: `${HEADER_HEIGHT}px` }}>
        <div
          ref={grid}
          role="grid"
          className="ptable__grid"
          aria-rowcount={model.length + 1}
          aria-colcount={columns.length}
          aria-label={t('table.caption')}
          aria-activedescendant={activeRow ? rowId(activeRow.id) : undefined}
          tabIndex={0}
          onKeyDown={onGridKey}
          style={{ width: tableWidth }}
        >
          <div role="rowgroup" className="ptable__header">
            <div role="row" aria-rowindex={1} className="ptable__headrow">
              {columns.map((c) => (
                <div key={c} role="columnheader" aria-sort={ariaSort(sort, c)} className={`ptable__head ptable__cell--${c}`} style={{ width: WIDTHS[c] }}>
                  <button type="button" onClick={() => setSort((s) => nextSort(s, c))} title={t('table.sortBy', { column: header(c) })} data-sort={c}>
                    <span>{header(c)}</span>
                    <span className="ptable__arrow" aria-hidden="true">
                      {sort.column === c ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              ))}
            </div>
          </div>
          {/* Rows are placed absolutely in a body as tall as all of them: rows coming into view are laid
              out alone, without relaying the others (a table would lay out every row again). */}
          <div role="rowgroup" className="ptable__body" style={{ height: model.length * ROW_HEIGHT }} data-start={win.start} data-end={win.end}>
            {model.slice(win.start, win.end).map((row, k) => {
              const index = win.start + k;
              return (
                <Row
                  key={row.id}
                  row={row}
                  index={index}
                  columns={columns}
                  lang={lang}
                  rowId={rowId(row.id)}
                  selected={row.id === selectedId}
                  active={index === active}
                  onClick={onRowClick}
                />
              );
            })}
          </div>
        </div>
        {model.length === 0 && <p className="ptable__empty">{t('table.empty')}</p>}
      </div>

      <div className="ptable__foot">
        <span className="ptable__hint">{selectedId != null && selectedIndex < 0 && projects.some((p) => p.properties.id === selectedId) ? t('table.selectedHidden') : t('table.keysHint')}</span>
        <span className="ptable__export">
          <label>
            <span>{t('table.exportLang')}</span>
            <select value={exportLang} onChange={(e) => setExportLang(e.target.value as Lang)} data-testid="ptable-export-lang">
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" className="button-quiet" disabled={busy || model.length === 0} title={t('table.exportCsvTitle')} onClick={() => void runExport('csv')} data-testid="ptable-csv">
            {t('table.exportCsv')}
          </button>
          <button type="button" className="button-quiet" disabled={busy || model.length === 0} title={t('table.exportXlsxTitle')} onClick={() => void runExport('xlsx')} data-testid="ptable-xlsx">
            {t('table.exportXlsx')}
          </button>
        </span>
        <span className="ptable__note" role="status">
          {exportNote}
        </span>
      </div>
    </section>
  );
}

/** Rows in the order of another list of the same projects (the table's, in another language). */
function orderLike(rows: readonly TableRow[], order: readonly TableRow[]): TableRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.map((r) => byId.get(r.id)!).filter(Boolean);
}
