/**
 * A Svelte action for swipe gestures on touch and pen: the element follows the finger, and a swipe
 * past the threshold calls `onswipe('left' | 'right')`. Taps and vertical scrolling are left alone.
 */
import type { Action } from 'svelte/action';

export interface SwipeOptions {
  enabled: boolean;
  onswipe: (direction: 'left' | 'right') => void;
  /** Distance in CSS pixels that counts as a swipe. */
  threshold?: number;
}

export const swipe: Action<HTMLElement, SwipeOptions> = (node, initial) => {
  let options = initial;
  let start: { x: number; y: number; id: number } | null = null;
  let dx = 0;

  const reset = () => {
    start = null;
    dx = 0;
    node.style.transform = '';
    node.style.removeProperty('--swipe');
  };
  const down = (e: PointerEvent) => {
    if (!options.enabled || e.pointerType === 'mouse' || !e.isPrimary) return;
    start = { x: e.clientX, y: e.clientY, id: e.pointerId };
  };
  const move = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dy) > Math.abs(dx) && Math.abs(dx) < 10) return; // scrolling, not swiping
    node.style.transform = `translateX(${dx}px) rotate(${dx / 40}deg)`;
    node.style.setProperty('--swipe', String(Math.max(-1, Math.min(1, dx / (options.threshold ?? 80)))));
  };
  const up = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    const distance = dx;
    reset();
    if (Math.abs(distance) >= (options.threshold ?? 80)) options.onswipe(distance < 0 ? 'left' : 'right');
  };

  node.addEventListener('pointerdown', down);
  node.addEventListener('pointermove', move);
  node.addEventListener('pointerup', up);
  node.addEventListener('pointercancel', reset);
  return {
    update(next) {
      options = next;
      if (!next.enabled) reset();
    },
    destroy() {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', reset);
    }
  };
};
