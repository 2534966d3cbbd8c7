// File names that come from the page are only ever used as a suggestion in a save dialog, but they
// are still reduced to one plain name: no folders, no characters Windows refuses, no device names.

import { DIALOG } from './labels';

const MAX_NAME_LENGTH = 180;
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function sanitizeFileName(name: string, fallback: string = DIALOG.fallbackFileName): string {
  let clean = name
    .normalize('NFC')
    .replace(FORBIDDEN_CHARACTERS, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '')
    .trim();
  if (WINDOWS_DEVICE_NAME.test(clean)) clean = `_${clean}`;
  const characters = Array.from(clean);
  if (characters.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = characters.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
  }
  return clean === '' ? fallback : clean;
}

export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
