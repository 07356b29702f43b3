/** Settings → Sync: turning it on, linking devices, recovery, and what went wrong. */
import type { SyncProblem } from '$lib/domain/sync';
import { plural } from './plural';

export const sync = {
  heading: 'Sync',
  intro:
    'Sync keeps your progress the same on your phone, tablet and computer through the Factdeck server this app came from. Everything still works offline: changes are sent when the server can be reached.',
  checking: 'Checking whether this server offers sync…',
  unavailable:
    'This copy of Factdeck is served without the Factdeck server, so sync is not offered here. Your progress stays on this device.',
  turnOn: 'Turn on sync',
  turnOnHelp: 'Creates a sync account for this device. No email or password: you link your other devices with a code.',
  linkHeading: 'Already syncing on another device?',
  linkHelp: 'On that device, open Settings → Sync → “Link another device” and type the code it shows here.',
  linkCode: 'Link code',
  linkThisDevice: 'Link this device',
  recoverHeading: 'Lost every device?',
  recoverHelp: 'Type the recovery key you wrote down when you turned sync on.',
  recoveryKey: 'Recovery key',
  recover: 'Recover my progress',
  joining: 'Bringing your progress together…',
  on: 'Sync is on',
  onHelp: 'Turn it off to stop sending and receiving; what you do meanwhile is sent when you turn it on again.',
  paused: 'Sync is off on this device. Changes are kept and sent when you turn it on.',
  thisDevice: (name: string) => `This device: ${name}.`,
  lastSynced: (when: string) => `Last synced: ${when}.`,
  neverSynced: 'Not synced yet.',
  pending: (n: number) => (n ? `${plural(n, 'change')} waiting to be sent.` : 'Nothing waiting to be sent.'),
  syncing: 'Syncing…',
  syncNow: 'Sync now',
  recoveryKeyHeading: 'Write down your recovery key',
  recoveryKeyHelp:
    'If you ever lose every device, this key brings your progress back. Keep it somewhere safe: anyone with it can read and change your progress. It is shown only until you confirm.',
  recoveryKeyDone: 'I have written it down',
  linkAnother: 'Link another device',
  linkCodeShown: (code: string) => `Link code: ${code}`,
  linkCodeHelp: (minutes: number) =>
    `On the other device, open Settings → Sync, type this code under “Link code” or scan the QR code. It works once, for ${minutes} minutes.`,
  qrLabel: (code: string) => `QR code for the link code ${code}`,
  devicesHeading: 'Linked devices',
  deviceRow: (name: string, current: boolean) => (current ? `${name} (this device)` : name),
  lastSeen: (when: string) => `last seen ${when}`,
  remove: 'Remove',
  removeThis: 'Remove this device',
  removeConfirm: (name: string) =>
    `Remove “${name}” from sync? It stops syncing at once; its progress stays on it, and everyone else keeps theirs.`,
  removed: (name: string) => `${name} was removed.`,
  /** A browser's and system's names, as a device is listed. */
  deviceName: (browser: string, system: string) => (system ? `${browser} on ${system}` : browser),
  browser: 'Browser',
  problem: (p: SyncProblem): string => {
    switch (p.kind) {
      case 'unreachable':
        return 'The sync server cannot be reached right now. Keep studying: your changes are saved here and sent when it can be reached.';
      case 'no-server':
        return 'This server does not offer sync.';
      case 'removed':
        return 'This device was removed from sync on another device. Its progress stays here; turn sync on or link it again to sync.';
      case 'invalid-link-code':
        return 'That link code is not valid: check it for typos, or it may have expired (10 minutes) or been used. Ask the other device for a new one.';
      case 'invalid-recovery-key':
        return 'That recovery key is not valid: check it for typos.';
      case 'too-many-attempts':
        return p.retryAfterSeconds
          ? `Too many wrong attempts. Try again in ${Math.ceil(p.retryAfterSeconds / 60)} minutes.`
          : 'Too many wrong attempts. Try again later.';
      case 'unknown-cursor':
      case 'server':
        return 'The sync server had a problem. It will be tried again; your changes are saved here.';
    }
  }
};
