/**
 * Text whose user values were isolated (src/ui/isolate.ts: U+2068 … U+2069) rendered with each
 * value in a <bdi> element: the browser isolates it the same way, and the page's text (what is
 * copied, read aloud or tested) holds the value without the control characters.
 */
import { Fragment, type ReactNode } from 'react';

const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g;

export function withBdi(text: string): ReactNode {
  if (!text.includes('\u2068')) return text;
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(ISOLATED)) {
    if (m.index > last) out.push(<Fragment key={k++}>{text.slice(last, m.index)}</Fragment>);
    out.push(<bdi key={k++}>{m[1]}</bdi>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(<Fragment key={k++}>{text.slice(last)}</Fragment>);
  return out;
}
