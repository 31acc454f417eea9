// Each page's <h1>. It takes the focus after a navigation (see Shell), so that a screen reader
// announces the new page and the next Tab starts from it.
import type { ReactNode } from 'react';

export const MAIN_TITLE_ID = 'main-title';

export function PageTitle({ children, eyebrow }: { children: ReactNode; eyebrow?: ReactNode }) {
  return (
    <div className="page-title">
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h1 id={MAIN_TITLE_ID} tabIndex={-1}>
        {children}
      </h1>
    </div>
  );
}
