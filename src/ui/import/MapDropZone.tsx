/**
 * Dropping files on the map imports them. While files are dragged over the map a hint covers it.
 * Files dropped anywhere else in the window are caught too, so a missed drop never makes the
 * browser leave the atlas to open the file.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './import.css';
import { useUserLayersApi } from './use-user-layers.ts';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function MapDropZone() {
  const { t } = useTranslation();
  const api = useUserLayersApi();
  const marker = useRef<HTMLSpanElement>(null);
  const [over, setOver] = useState(false);
  const importFiles = api?.importFiles;

  useEffect(() => {
    const target = marker.current?.parentElement;
    if (!target || !importFiles) return;
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      e.stopPropagation();
      void importFiles(files);
    };
    // Elsewhere in the window: refuse the drop instead of letting the browser navigate to the file.
    const refuse = (e: DragEvent) => {
      if (!hasFiles(e) || target.contains(e.target as Node)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    const listeners: Array<[EventTarget, string, (e: DragEvent) => void]> = [
      [target, 'dragenter', onEnter],
      [target, 'dragover', onOver],
      [target, 'dragleave', onLeave],
      [target, 'drop', onDrop],
      [window, 'dragover', refuse],
      [window, 'drop', refuse],
    ];
    for (const [on, type, fn] of listeners) on.addEventListener(type, fn as EventListener);
    return () => {
      for (const [on, type, fn] of listeners) on.removeEventListener(type, fn as EventListener);
    };
  }, [importFiles]);

  return (
    <>
      <span ref={marker} hidden />
      {over && (
        <div className="map-drop" data-testid="map-drop">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
    </>
  );
}
