/**
 * How a panel deep in the side panel opens the plan's text (at a paragraph, or a project's or a
 * measure's words) without every panel between passing the callback down. The side panel provides it.
 */
import { createContext, useContext } from 'react';
import type { TextFocus } from './PlanTextTab.tsx';

export const OpenTextContext = createContext<((focus: TextFocus) => void) | null>(null);

export function useOpenText(): ((focus: TextFocus) => void) | null {
  return useContext(OpenTextContext);
}
