/**
 * Whether to show "tap Share, then Add to Home Screen": iPhone and iPad browsers can only install a
 * web app that way. iPadOS says it is a Mac, but a Mac has no touch screen.
 */
export function needsIosInstallNote(userAgent: string, maxTouchPoints: number, standalone: boolean): boolean {
  const ios = /\b(iPhone|iPad|iPod)\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  return ios && !standalone;
}
