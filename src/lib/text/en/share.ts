/** Sharing a deck (the deck page's Share panel) and opening a shared link or file (the import page). */
import type { ShareLinkProblem } from '$lib/domain/share-link';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

export const share = {
  heading: 'Share',
  intro: 'Give this deck to someone: the link carries the whole deck and reaches no server.',
  makeLink: 'Share',
  linkLabel: 'Link to this deck',
  copy: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'The link could not be copied: select it and copy it by hand.',
  showQr: 'Show QR code',
  hideQr: 'Hide QR code',
  qrLabel: (title: string) => `QR code of the link to “${title}”`,
  qrTooLong: 'This link is too long for a QR code. Share the link or the file instead.',
  qrFailed: (reason: string) => `The QR code could not be made: ${reason}`,
  shareFile: 'Share the deck file',
  downloadFile: 'Download the deck file',
  fileShared: 'Deck file shared.',
  shareFailed: (reason: string) => `The file could not be shared: ${reason}`,
  mediaNote: 'Images and sounds are not in the link or the file: the person you share with sees their names only.',
  /** Opening a link on the import page. */
  fromLink: 'shared link',
  opening: 'Opening the shared deck…',
  sharedFrom: 'A deck shared with you. Check it, then import it: nothing is saved before you do.',
  sharedFileMissing: 'The shared file did not reach Factdeck. Share it again, or choose it here.',
  problem: (p: ShareLinkProblem): string => {
    switch (p.code) {
      case 'share-too-large':
        return `This deck is ${kb(p.bytes)} compressed, more than the ${kb(p.limit)} a link can carry. Share the deck file instead.`;
      case 'share-link-not-encoded':
        return 'This link does not hold a deck: it was cut short or changed. Ask for the link again, or for the deck file. Nothing was imported.';
      case 'share-link-damaged':
        return 'This link is damaged: the deck in it cannot be unpacked. Ask for the link again, or for the deck file. Nothing was imported.';
      case 'share-link-unpacks-too-large':
        return `The deck in this link unpacks to more than ${kb(p.limit)}, the import limit. Nothing was imported.`;
      case 'share-link-empty':
        return 'This link holds no deck. Nothing was imported.';
    }
  }
};
