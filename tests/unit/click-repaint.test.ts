import { describe, expect, it } from 'vitest';
import { onlyEndsAStillGesture } from '../../src/map/click-repaint.ts';

const point = (x: number, y: number) => ({ x, y, mag: () => Math.hypot(x, y) });

describe('onlyEndsAStillGesture (which MapLibre render frames a click may defer)', () => {
  it('a click: the drag handler ends without a change', () => {
    expect(onlyEndsAStillGesture([[{ needsRenderFrame: false }, {}, { mousePan: {} }]], {}, false)).toBe(true);
    expect(onlyEndsAStillGesture([[{ panDelta: point(0, 0) }, {}, { mousePan: {} }]], {}, false)).toBe(true);
  });

  it('anything that moves the camera, or is still going on, is not deferred', () => {
    expect(onlyEndsAStillGesture([], {}, false), 'nothing pending').toBe(false);
    expect(onlyEndsAStillGesture([[{ panDelta: point(3, 0) }, { drag: {} }, {}]], {}, false), 'a drag').toBe(false);
    expect(onlyEndsAStillGesture([[{ panDelta: point(0, 2) }, {}, {}]], {}, false), 'a pan without events').toBe(false);
    expect(onlyEndsAStillGesture([[{ zoomDelta: 0.5, around: point(1, 1) }, { zoom: {} }, {}]], {}, false), 'a wheel zoom').toBe(false);
    expect(onlyEndsAStillGesture([[{ cameraAnimation: () => {} }, {}, {}]], {}, false), 'a double-click zoom').toBe(false);
    expect(onlyEndsAStillGesture([[{ needsRenderFrame: true }, {}, {}]], {}, false), 'a handler asking for frames').toBe(false);
    expect(onlyEndsAStillGesture([[{}, {}, { mousePan: {} }]], { drag: {} }, false), 'the end of a drag (inertia)').toBe(false);
    expect(onlyEndsAStillGesture([[{}, {}, {}]], {}, true), 'a handler still active').toBe(false);
  });
});
