// Line icons for the sections, drawn on a 24-unit grid. Decorative: the text beside them names
// the section, so they are hidden from assistive technology.
import type { ReactNode } from 'react';
import type { SectionId } from './sections.ts';

function Icon({ children, className = 'icon' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const PATHS: Record<SectionId | 'overview', ReactNode> = {
  overview: (
    <>
      <rect x="3" y="3" width="7.5" height="7.5" rx="1.5" />
      <rect x="13.5" y="3" width="7.5" height="7.5" rx="1.5" />
      <rect x="3" y="13.5" width="7.5" height="7.5" rx="1.5" />
      <rect x="13.5" y="13.5" width="7.5" height="7.5" rx="1.5" />
    </>
  ),
  listen: (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M9.5 8.5a5 5 0 0 1 0 7" />
      <path d="M13 5.5a9.5 9.5 0 0 1 0 13" />
      <path d="M16.5 2.5a14 14 0 0 1 0 19" />
    </>
  ),
  map: (
    <>
      <circle cx="6" cy="6" r="2.5" />
      <circle cx="18" cy="8" r="2.5" />
      <circle cx="9" cy="18" r="2.5" />
      <path d="M8.4 6.4l7.2 1.2M7 8.3l1.3 7.3M16.2 9.9l-5.4 6.4" />
    </>
  ),
  spread: (
    <>
      <circle cx="5" cy="12" r="2.5" />
      <circle cx="19" cy="5" r="2" />
      <circle cx="19" cy="12" r="2" />
      <circle cx="19" cy="19" r="2" />
      <path d="M7.3 11l9.8-5.1M7.5 12h9.5M7.3 13l9.8 5.1" />
    </>
  ),
  publish: <path d="M21.5 2.5L10.5 13.5M21.5 2.5l-7 19-4-8-8-4z" />,
  engage: (
    <>
      <path d="M17 10.5a6.5 6.5 0 0 1-9.6 5.7L3 17.5l1.3-4A6.5 6.5 0 1 1 17 10.5z" />
      <path d="M19.4 8.8A6 6 0 0 1 20 16.3l1 3.2-3.4-1a6 6 0 0 1-5.7.3" />
    </>
  ),
  reward: (
    <>
      <path d="M7 4h10v5a5 5 0 0 1-10 0z" />
      <path d="M7 6H4v1.5A3.5 3.5 0 0 0 7.5 11M17 6h3v1.5a3.5 3.5 0 0 1-3.5 3.5M12 14v4M8 21h8M9.5 18h5" />
    </>
  ),
};

export function SectionIcon({ id, className }: { id: SectionId | 'overview'; className?: string }) {
  return <Icon className={className}>{PATHS[id]}</Icon>;
}

/** The relais mark: a message passed from one person to the next. */
export function Logo({ className = 'logo' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--logo-bg)" />
      <path d="M8 21.5L16 10.5l8 11" fill="none" stroke="var(--logo-line)" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="8" cy="21.5" r="3" fill="var(--logo-dot)" />
      <circle cx="16" cy="10.5" r="3" fill="var(--logo-dot)" />
      <circle cx="24" cy="21.5" r="3" fill="var(--logo-accent)" />
    </svg>
  );
}
