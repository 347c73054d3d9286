/**
 * A list that shows as many items as fit in its box and ends with a "+N" line
 * naming how many it left out, so the wall screen never cuts an item in half.
 */
import { isValidElement, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { hallColors } from './hall-theme';

interface FitListProps {
  items: readonly ReactNode[];
  /** Text of the overflow indicator for `hidden` left-out items, e.g. `+3 个单位`. */
  moreLabel: (hidden: number) => string;
  /** `wrap` lays items out as wrapping tags; `column` stacks them as lines. */
  layout?: 'column' | 'wrap';
  style?: CSSProperties;
  moreStyle?: CSSProperties;
  testId?: string;
}

function overflows(element: HTMLElement, limit: number): boolean {
  return element.offsetTop + element.offsetHeight > limit + 0.5;
}

export function FitList({ items, moreLabel, layout = 'column', style, moreStyle, testId }: FitListProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLSpanElement>(null);
  const labelRef = useRef(moreLabel);
  labelRef.current = moreLabel;

  // Hiding happens on the DOM directly: measuring needs every item laid out
  // first, and a state round trip per resize would flash the full list.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const more = moreRef.current;
    if (!box || !more) return;

    function fit() {
      if (!box || !more) return;
      const children = Array.from(box.children).filter((child): child is HTMLElement => child instanceof HTMLElement && child !== more);
      for (const child of children) child.style.display = '';
      more.style.display = 'none';
      more.textContent = '';
      box.dataset.hidden = '0';
      const limit = box.clientHeight;
      if (!children.some((child) => overflows(child, limit))) return;

      more.style.display = '';
      let hidden = 0;
      for (let index = children.length - 1; index >= 0; index -= 1) {
        const child = children[index]!;
        if (!overflows(child, limit) && !overflows(more, limit)) break;
        child.style.display = 'none';
        hidden += 1;
        more.textContent = labelRef.current(hidden);
      }
      box.dataset.hidden = String(hidden);
    }

    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [items]);

  const layoutStyle: CSSProperties = layout === 'wrap' ? { display: 'flex', flexWrap: 'wrap', alignContent: 'flex-start', gap: 6 } : { display: 'flex', flexDirection: 'column' };
  return (
    <div ref={boxRef} style={{ position: 'relative', height: '100%', overflow: 'hidden', ...layoutStyle, ...style }} data-testid={testId}>
      {items.map((item, index) => (
        // Each item gets a wrapper of its own, so hiding it leaves the item's own display style alone.
        <div key={isValidElement(item) && item.key !== null ? item.key : index} style={{ minWidth: 0 }}>
          {item}
        </div>
      ))}
      <span ref={moreRef} style={{ display: 'none', color: hallColors.accent, fontWeight: 600, whiteSpace: 'nowrap', ...moreStyle }} data-hall-more />
    </div>
  );
}
