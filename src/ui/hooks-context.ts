/**
 * Where the export controls hand their scripting API when the page asked for test and scripting
 * hooks (src/hooks.ts); null otherwise, and then nothing is exposed.
 */
import { createContext, useContext } from 'react';
import type { PlanExportApi } from './export/api.ts';

export type ExportHook = (api: PlanExportApi | null) => void;

export const ExportHookContext = createContext<ExportHook | null>(null);

export function useExportHook(): ExportHook | null {
  return useContext(ExportHookContext);
}
