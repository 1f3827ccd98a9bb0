/**
 * A catalogue with more thematic lines than a slow renderer draws in a frame (the synthetic 10×
 * catalogue of bench/synth.ts: ~610 lines, compiled by the real compiler into a copy of the built
 * app), dragged with the mouse under SwiftShader: while the map moves it draws a sample of the
 * lines without their casings, and all of them again once it has settled (src/map/motion-detail.ts).
 * Screenshots: test-results/h-motion-moving.png, h-motion-settled.png.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCatalogue } from '../../bench/synth.ts';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { MOTION_LINE_BUDGET } from '../../src/map/motion-detail.ts';
import { assertClean, launch, openPage, screenshot, waitForMapIdle, type Session } from './browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let work: string;
let site: StaticServer;
let session: Session;

beforeAll(async () => {
  // dist/ is the build of the e2e global set-up; its catalogue is replaced by the 10× one.
  work = mkdtempSync(join(tmpdir(), 'atlas-motion-'));
  writeSyntheticCatalogue(10, join(work, 'synth'));
  cpSync(join(ROOT, 'dist'), join(work, 'app'), { recursive: true });
  execFileSync('npx', ['tsx', 'data/compile.ts', '--data', join(work, 'synth', 'data'), '--out', join(work, 'app', 'data')], { cwd: ROOT, stdio: 'ignore' });
  site = await serveStatic({ app: join(work, 'app') });
  session = await launch();
}, 180_000);
afterAll(async () => {
  await session?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface LineLayers {
  thinned: boolean;
  slow: boolean;
  /** Visible line layers: id → number of lines. */
  visible: Record<string, number>;
}

function lineLayers(page: Page): Promise<LineLayers> {
  return page.evaluate(() => {
    const a = window.__atlas!;
    const deck = (a.overlay as unknown as { _deck: { props: { layers: unknown[] } } })._deck;
    const layers = deck.props.layers.flat(Infinity).filter(Boolean) as Array<{ id: string; props: { visible: boolean; data: unknown[] } }>;
    const visible: Record<string, number> = {};
    for (const l of layers) if (/-line/.test(l.id) && l.props.visible) visible[l.id] = l.props.data.length;
    return { thinned: a.motion!.thinned, slow: a.motion!.slow, visible };
  });
}

describe('many thematic lines on a slow renderer', () => {
  it('are thinned to a sample while the map is dragged, and all drawn again once it settles', async () => {
    const { page, rec } = await openPage(session, `${site.origin}/app/`, '#map=5.2/42.5/113');
    await page.waitForFunction(() => Boolean(window.__atlas?.ready) && (window.__atlas?.layersAt ?? 0) > 0, undefined, { timeout: 120_000 });
    await waitForMapIdle(page, 120_000);

    const still = await lineLayers(page);
    const total = still.visible['themes-line'] ?? 0;
    expect(total).toBeGreaterThan(MOTION_LINE_BUDGET);
    expect(still.visible['themes-line-casing']).toBeGreaterThan(0);
    expect(still.visible['themes-line-moving']).toBeUndefined();
    expect(still.thinned).toBe(false);

    // A slow drag: under SwiftShader a frame with every line takes far longer than SLOW_FRAME_MS.
    const [cx, cy] = [700, 420];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    let moving: LineLayers | null = null;
    for (let s = 1; s <= 12; s++) {
      await page.mouse.move(cx - s * 15, cy + s * 4);
      if (s >= 4 && !moving) {
        const now = await lineLayers(page);
        if (now.thinned) moving = now;
      }
    }
    expect(moving, 'the lines were never thinned during the drag (is the renderer a GPU?)').not.toBeNull();
    expect(moving!.slow).toBe(true);
    expect(moving!.visible).toEqual({ 'themes-line-moving': MOTION_LINE_BUDGET });
    await screenshot(page, 'h-motion-moving.png');
    await page.mouse.up();

    // Settled: every line and its casing again.
    await page.waitForFunction(() => !window.__atlas!.motion!.thinned && !window.__atlas!.map.isMoving(), undefined, { timeout: 60_000, polling: 100 });
    await waitForMapIdle(page, 60_000);
    const settled = await lineLayers(page);
    expect(settled.visible['themes-line']).toBe(total);
    expect(settled.visible['themes-line-casing']).toBe(still.visible['themes-line-casing']);
    expect(settled.visible['themes-line-moving']).toBeUndefined();
    await screenshot(page, 'h-motion-settled.png');
    assertClean(rec);
    await page.close();
  }, 240_000);
});
