/** F1 alone opens the user guide, from anywhere in the window (a text field included: help is wanted there too). */
export function isHelpKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return event.key === 'F1' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
}
