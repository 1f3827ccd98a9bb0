/**
 * The embed's one control (`?embed=1`, App.tsx): a link that opens the same map — its layers,
 * filters, selection and view — in the full atlas, in a new tab (the embed sits in someone else's
 * page), and the name of what a tap selected. The link is the page's own address without `embed`,
 * with the view the map shows now: it follows the map as it moves, and is read again as it is used.
 */
import { useEffect, useReducer, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionName } from '../export/scene.ts';
import { useAtlas } from './app-context.ts';
import { currentLink } from './embed-link.ts';
import { withBdi } from './Bdi.tsx';
import { isolate } from './isolate.ts';

export function EmbedBar() {
  const { t } = useTranslation();
  const { state, map, catalogue, geo } = useAtlas();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => map?.onMoveEnd(refresh), [map]);
  const name = state.selection && catalogue && geo ? selectionName(state.selection, state.lang ?? 'zh', catalogue, geo) : null;
  const update = (e: SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = currentLink(map, false);
  };
  return (
    <div className="embed-bar" data-testid="embed-bar">
      {name && (
        <p className="embed-bar__selected" data-testid="embed-selected">
          {withBdi(t('embed.selected', { name: isolate(name) }))}
        </p>
      )}
      <a
        className="embed-bar__full"
        href={currentLink(map, false)}
        target="_blank"
        rel="noopener"
        title={t('embed.openFullHint')}
        onPointerEnter={update}
        onFocus={update}
        onClick={update}
        onAuxClick={update}
        onContextMenu={update}
        data-testid="embed-full-atlas"
      >
        {t('embed.openFull')}
        <span aria-hidden="true"> ↗</span>
      </a>
    </div>
  );
}
