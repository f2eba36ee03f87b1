// A region that scrolls sideways (a wide table at 360 px, a large graph): named and reachable by keyboard, as axe's
// scrollable-region-focusable asks.
import type { ReactNode } from 'react';

export function ScrollRegion({
  label,
  className = 'table-wrap',
  children,
  ...data
}: { label: string; className?: string; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboards can scroll it
    <section className={`scroll-region ${className}`} tabIndex={0} aria-label={label} {...data}>
      {children}
    </section>
  );
}
