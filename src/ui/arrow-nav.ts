/**
 * Arrow keys move the focus through a list: the container's items marked `data-nav-item`
 * (Up/Down, Home/End). Tab still leaves the list.
 */
import type { KeyboardEvent } from 'react';

export function onArrowNav(e: KeyboardEvent<HTMLElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]')].filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const i = items.indexOf(document.activeElement as HTMLElement);
  let next = i;
  if (e.key === 'ArrowDown') next = i < 0 ? 0 : Math.min(items.length - 1, i + 1);
  else if (e.key === 'ArrowUp') next = i < 0 ? 0 : Math.max(0, i - 1);
  else if (e.key === 'Home') next = 0;
  else next = items.length - 1;
  e.preventDefault();
  items[next]!.focus();
}
