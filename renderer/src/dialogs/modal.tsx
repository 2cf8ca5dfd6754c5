import { useEffect, useRef, type HTMLAttributes, type Ref, type RefObject } from 'react';

/** A modal is always labelled: by its heading's id, or by a text when it has no heading (the palette). */
type Labelled = { labelledBy: string; label?: never } | { label: string; labelledBy?: never };

export type ModalProps = Labelled & ModalOptions;

interface ModalOptions extends Omit<HTMLAttributes<HTMLDialogElement>, 'onCancel' | 'onClose' | 'aria-label' | 'aria-labelledby'> {
  /** The id of what the dialog asks, for a confirmation. */
  describedBy?: string;
  /**
   * False while the dialog must not be dismissed (an export or a fix is running): Escape then does nothing,
   * and the caller keeps its own close buttons disabled.
   */
  dismissible?: boolean;
  /** After the dialog closed, by Escape or by `ref.current.close()`. */
  onClose(): void;
  /** The <dialog> itself: its close() is how a Cancel button closes, so the browser gives focus back. */
  ref?: RefObject<HTMLDialogElement | null>;
}

/**
 * The app's one modal: a native <dialog> opened with showModal(), so the browser traps focus inside, closes it
 * on Escape and, when it closes, gives focus back to what had it (the button that opened it). Close it with
 * the <dialog>'s close() rather than by unmounting it, or focus is not given back.
 */
export function Modal({ labelledBy, label, describedBy, dismissible = true, onClose, ref, children, ...rest }: ModalProps) {
  const own = useRef<HTMLDialogElement>(null);
  const dialogRef = ref ?? own;

  useEffect(() => {
    const dialog = dialogRef.current;
    // No close() on cleanup: StrictMode's rehearsal unmount would fire 'close' and dismiss the dialog.
    // Taking an open dialog out of the page ends its modal state anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, [dialogRef]);

  return (
    <dialog
      {...rest}
      ref={dialogRef as Ref<HTMLDialogElement>}
      aria-labelledby={labelledBy}
      aria-label={label}
      aria-describedby={describedBy}
      onCancel={(event) => {
        if (!dismissible) event.preventDefault();
      }}
      onClose={onClose}
    >
      {children}
    </dialog>
  );
}
