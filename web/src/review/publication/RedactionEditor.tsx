/**
 * One redactable field of a public record (issue 13): its original text with the spans highlighted
 * (`<mark>` elements holding text nodes only: the text is never parsed as HTML), each proposed span
 * kept or dropped with a button named by its kind and text, "Redact selection" adding a manual span
 * from the reviewer's selection inside the text, manual spans removable, and a live preview of the
 * field as it will be published. Props only: the caller owns the spans (see `editorSpans` and
 * `chosenSpans` to convert from and to the stored redactions).
 *
 * Offsets are UTF-16 code units of `text`, like the stored redactions (src/domain/redaction.ts). The
 * preview replaces each chosen span with `[redacted]`, as the public record does; names a reviewer
 * marks are applied by the server's preview of the whole record, not here.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { PersonalDataKind } from '../../../../src/domain/publishing-vocabulary.js';
import { applyRedactions } from '../../../../src/domain/redaction.js';
import { useTranslation } from '../../i18n/index.js';
import './RedactionEditor.css';

export type EditorSpan = {
  start: number;
  end: number;
  kind: PersonalDataKind;
  /** Proposed by detection (kept or dropped with its button), or added by hand (removed with its button). */
  source: 'proposed' | 'manual';
  /** Whether the span is redacted; a manual span always is. Absent means true. */
  chosen?: boolean;
};

export type RedactionEditorProps = {
  /** The field's name (`legalBasis`, `summary`, `caseStudy`, `target:<position>`): ids and test hooks. */
  field: string;
  /** The field's visible name. */
  label: string;
  /** The original text. */
  text: string;
  spans: readonly EditorSpan[];
  /** The next list of spans after a toggle, an addition or a removal. */
  onChange: (spans: EditorSpan[]) => void;
  /** Read-only: buttons are disabled (an approved or published record). */
  disabled?: boolean;
};

type StoredSpan = { field: string; start: number; end: number; kind: PersonalDataKind };

/**
 * The editor's spans of one field from the proposals and the chosen redactions: every proposal, kept
 * when it was chosen, and every chosen span that was not proposed as a manual one.
 */
export function editorSpans(field: string, proposed: readonly StoredSpan[], chosen: readonly StoredSpan[]): EditorSpan[] {
  const mine = chosen.filter((c) => c.field === field);
  const same = (a: StoredSpan, b: StoredSpan) => a.start === b.start && a.end === b.end;
  const fromProposals = proposed
    .filter((p) => p.field === field)
    .map(
      (p): EditorSpan => ({ start: p.start, end: p.end, kind: p.kind, source: 'proposed', chosen: mine.some((c) => same(c, p)) }),
    );
  const manual = mine
    .filter((c) => !proposed.some((p) => p.field === field && same(c, p)))
    .map((c): EditorSpan => ({ start: c.start, end: c.end, kind: c.kind, source: 'manual', chosen: true }));
  return [...fromProposals, ...manual].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The stored redactions of one field from the editor's spans: the chosen ones. */
export function chosenSpans(field: string, spans: readonly EditorSpan[]): StoredSpan[] {
  return spans.filter(isChosen).map((s) => ({ field, start: s.start, end: s.end, kind: s.kind }));
}

const isChosen = (s: EditorSpan) => s.source === 'manual' || s.chosen !== false;

/** `text` with the chosen spans replaced by `[redacted]`: the domain's own rule (overlapping and touching spans merge). */
export function previewOf(text: string, spans: readonly EditorSpan[]): string {
  return applyRedactions(text, spans.filter(isChosen));
}

type Segment = { start: number; end: number; state: 'plain' | 'chosen' | 'dropped' };

/** The text cut at every span boundary, each piece marked by the strongest span covering it. */
function segmentsOf(text: string, spans: readonly EditorSpan[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const state = covering.some(isChosen) ? 'chosen' : covering.length > 0 ? 'dropped' : 'plain';
    const last = out[out.length - 1];
    if (last && last.state === state) last.end = end;
    else out.push({ start, end, state });
  }
  return out;
}

/** The offset in `root`'s text of a DOM position inside it (the text nodes' lengths before it). */
function offsetIn(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The reviewer's selection inside `root`, as offsets of its text; null when there is none there. */
function selectionIn(root: HTMLElement | null): { start: number; end: number } | null {
  const selection = globalThis.getSelection?.();
  if (!root || !selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetIn(root, range.startContainer, range.startOffset);
  const end = offsetIn(root, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

export function RedactionEditor({ field, label, text, spans, onChange, disabled = false }: RedactionEditorProps) {
  const { t } = useTranslation('redaction');
  const id = useId();
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);

  // The selection is remembered while focus moves to the button; selecting other text forgets it.
  useEffect(() => {
    const onSelectionChange = () => {
      const inside = selectionIn(textRef.current);
      if (inside) setSelection(inside);
      else if (!globalThis.getSelection?.()?.isCollapsed) setSelection(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);
  // A new text makes old offsets meaningless.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the text changes
  useEffect(() => setSelection(null), [text]);

  const kindLabel = (kind: PersonalDataKind) => t(`kind.${kind}`);
  const quote = (s: EditorSpan) => text.slice(s.start, s.end);
  const ordered = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const proposed = ordered.filter((s) => s.source === 'proposed');
  const manual = ordered.filter((s) => s.source === 'manual');
  const same = (a: EditorSpan, b: EditorSpan) => a.start === b.start && a.end === b.end && a.source === b.source;

  const toggle = (span: EditorSpan) => onChange(spans.map((s) => (same(s, span) ? { ...s, chosen: !isChosen(s) } : s)));
  const remove = (span: EditorSpan) => onChange(spans.filter((s) => !same(s, span)));
  const redactSelection = () => {
    const chosen = selectionIn(textRef.current) ?? selection;
    if (!chosen) return;
    // A selection that only repeats a span already redacted adds nothing.
    if (spans.some((s) => isChosen(s) && s.start <= chosen.start && s.end >= chosen.end)) return;
    onChange([...spans, { start: chosen.start, end: chosen.end, kind: 'manual', source: 'manual', chosen: true }]);
    setSelection(null);
    globalThis.getSelection?.()?.removeAllRanges();
  };

  return (
    <fieldset className="redaction-editor" data-testid="redaction-editor" data-field={field}>
      <legend>{label}</legend>
      <div ref={textRef} className="redaction-text" aria-describedby={`${id}-hint`} data-testid="redaction-text">
        {segmentsOf(text, spans).map((segment) =>
          segment.state === 'plain' ? (
            text.slice(segment.start, segment.end)
          ) : (
            <mark
              key={`${segment.start}-${segment.end}`}
              className={segment.state === 'chosen' ? 'redaction-chosen' : 'redaction-dropped'}
              data-state={segment.state}
            >
              {text.slice(segment.start, segment.end)}
            </mark>
          ),
        )}
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('selectionHint')}
      </p>
      <button
        type="button"
        className="button"
        // Keeps the selection in the text when the button is pressed.
        onMouseDown={(e) => e.preventDefault()}
        onClick={redactSelection}
        disabled={disabled || selection === null}
        data-testid="redaction-redact-selection"
      >
        {t('redactSelection')}
      </button>

      {proposed.length === 0 ? (
        <p className="hint" data-testid="redaction-none-proposed">
          {t('noneProposed')}
        </p>
      ) : (
        <>
          <h4 className="redaction-heading">{t('proposed')}</h4>
          <ul className="redaction-spans">
            {proposed.map((span) => (
              <li key={`p-${span.start}-${span.end}`}>
                <button
                  type="button"
                  className="redaction-toggle"
                  aria-pressed={isChosen(span)}
                  onClick={() => toggle(span)}
                  disabled={disabled}
                  data-testid="redaction-toggle"
                  data-kind={span.kind}
                  data-chosen={isChosen(span)}
                >
                  {t('toggle', { kind: kindLabel(span.kind), text: quote(span) })}
                </button>{' '}
                <span className="hint">{isChosen(span) ? t('stateRedacted') : t('stateShown')}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {manual.length > 0 ? (
        <>
          <h4 className="redaction-heading">{t('manual')}</h4>
          <ul className="redaction-spans">
            {manual.map((span) => (
              <li key={`m-${span.start}-${span.end}`}>
                <q>{quote(span)}</q>{' '}
                <button
                  type="button"
                  className="redaction-remove"
                  onClick={() => remove(span)}
                  disabled={disabled}
                  data-testid="redaction-remove"
                >
                  {t('remove', { text: quote(span) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <section className="redaction-preview" aria-labelledby={`${id}-preview`}>
        <h4 className="redaction-heading" id={`${id}-preview`}>
          {t('preview')}
        </h4>
        <p aria-live="polite" data-testid="redaction-preview">
          {previewOf(text, spans)}
        </p>
      </section>
    </fieldset>
  );
}
