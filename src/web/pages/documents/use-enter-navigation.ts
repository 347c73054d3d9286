import { useCallback, type KeyboardEvent } from 'react';

/**
 * Keyboard flow of the quick forms: Enter moves to the next field (the
 * elements marked with the `nav-field` class, in order), Ctrl+Enter submits
 * from anywhere, and Enter in a text area still starts a new line.
 */
export function useEnterNavigation(submit: () => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        submit();
        return;
      }
      if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
      // An open dropdown uses Enter to pick its option.
      if (target.closest('.ant-select') && target.getAttribute('aria-expanded') === 'true') return;

      const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.nav-field'));
      const index = fields.findIndex((field) => field.contains(target));
      if (index < 0) return;
      event.preventDefault();
      const next = fields.slice(index + 1).map(focusTargetOf).find((element) => element !== null);
      if (next) next.focus();
      else submit();
    },
    [submit],
  );
}

function focusTargetOf(field: HTMLElement): HTMLElement | null {
  return (
    field.querySelector<HTMLElement>('input[type=radio]:checked') ??
    field.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled])')
  );
}
