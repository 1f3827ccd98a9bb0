/**
 * "Your layers" in the layer panel: the import button (a file picker; a file can also be dropped
 * on the map), then one toggle per imported layer with its symbol, its name and its feature count,
 * and a remove button (asks once more before removing).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_LIMITS } from '../../domain/import.ts';
import { userLayerDef } from '../../map/imported-layers.ts';
import { SymbolIcon } from '../SymbolIcon.tsx';
import './import.css';
import { useUserLayersApi } from './use-user-layers.ts';

export const ACCEPT = '.geojson,.json,.csv,application/geo+json,application/json,text/csv';

export function UserLayersSection() {
  const { t } = useTranslation();
  const api = useUserLayersApi();
  const input = useRef<HTMLInputElement>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  if (!api) return null;
  return (
    <fieldset className="layer-group user-layers" data-group="user" data-testid="user-layers">
      <legend className="layer-group__title">{t('import.heading')}</legend>
      <p className="muted user-layers__hint">{t('import.hint', { mb: IMPORT_LIMITS.maxBytes / 1048576 })}</p>
      <label className={`button-quiet user-layers__import${api.busy ? ' is-busy' : ''}`}>
        {api.busy ? t('import.busy') : t('import.button')}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          multiple
          disabled={api.busy}
          data-testid="import-file"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Cleared now, so choosing the same file again imports it again.
            if (input.current) input.current.value = '';
            if (files.length) void api.importFiles(files);
          }}
        />
      </label>
      {api.layers.length === 0 ? (
        <p className="muted">{t('import.none')}</p>
      ) : (
        <ul>
          {api.layers.map((layer) => {
            const def = userLayerDef(layer);
            const sym = def.legend[0]?.symbol;
            return (
              <li key={layer.id} className="user-layers__item" data-user-layer={layer.id}>
                <label className="layer-toggle">
                  <input type="checkbox" checked={api.visible.has(layer.id)} onChange={() => api.toggle(layer.id)} data-testid="user-layer-toggle" />
                  <span className="layer-toggle__symbol">{sym && <SymbolIcon symbol={sym} width={26} height={16} />}</span>
                  <span className="layer-toggle__name" data-testid="user-layer-name">
                    {def.name}
                  </span>
                  <span className="layer-toggle__count" title={t('import.countTitle', { count: def.count })} data-testid="user-layer-count">
                    {def.count}
                  </span>
                </label>
                {confirm === layer.id ? (
                  <button
                    type="button"
                    className="user-layers__remove user-layers__remove--confirm"
                    onClick={() => {
                      setConfirm(null);
                      api.remove(layer.id);
                    }}
                    onBlur={() => setConfirm(null)}
                    autoFocus
                    data-testid="user-layer-remove-confirm"
                  >
                    {t('import.confirmRemove')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="user-layers__remove"
                    onClick={() => setConfirm(layer.id)}
                    aria-label={t('import.removeNamed', { name: layer.name })}
                    title={t('import.remove')}
                    data-testid="user-layer-remove"
                  >
                    ✕
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
