// The query box of the topic editor. A textarea over a mirrored copy of its text: the copy is
// invisible except for the fault, which it marks (highlighted, with a wavy underline) exactly
// where the API says it is. The textarea grows with its text, so the two always wrap alike.
import { useLayoutEffect, useRef, type ChangeEvent, type ReactNode, type Ref } from 'react';

export interface QueryFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** The span to mark, 0-based, in `value`; length 0 marks a point (e.g. the end). */
  fault: { position: number; length: number } | null;
  describedBy: string;
  inputRef?: Ref<HTMLTextAreaElement>;
  maxLength?: number;
}

export function QueryField({ id, value, onChange, fault, describedBy, inputRef, maxLength }: QueryFieldProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);

  useLayoutEffect(() => {
    const area = own.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight}px`;
  }, [value]);

  function setRefs(element: HTMLTextAreaElement | null) {
    own.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) (inputRef as { current: HTMLTextAreaElement | null }).current = element;
  }

  let mirror: ReactNode = value;
  if (fault) {
    const start = Math.min(Math.max(fault.position, 0), value.length);
    const end = Math.min(start + Math.max(fault.length, 0), value.length);
    mirror = (
      <>
        {value.slice(0, start)}
        {end > start ? (
          <mark className="query-fault" data-testid="query-fault">
            {value.slice(start, end)}
          </mark>
        ) : (
          <mark className="query-fault query-fault-point" data-testid="query-fault" />
        )}
        {value.slice(end)}
      </>
    );
  }

  return (
    <div className={`query-field${fault ? ' query-field-invalid' : ''}`}>
      <div className="query-mirror" aria-hidden="true">
        {mirror}
        {/* A final line break in the textarea makes an empty last line: keep it in the copy too. */}
        {'\u200b'}
      </div>
      <textarea
        id={id}
        ref={setRefs}
        value={value}
        rows={2}
        maxLength={maxLength}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        aria-invalid={fault ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </div>
  );
}
