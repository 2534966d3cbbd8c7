// Which attachments (scans of letters and materials) may be opened directly: images and PDF only.
// The desktop app hands such a file to the operating system's own viewer (a temporary copy, see
// electron/main/attachments.ts); anything else is only ever saved where the user chooses, so that
// no program, script or macro document is started from the app. Shared by the renderer (which
// picks open or save) and the main process (which refuses anything outside the list).

export const OPENABLE_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export function attachmentExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isOpenableAttachmentName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(OPENABLE_ATTACHMENT_TYPES, attachmentExtension(name));
}

export function isImageAttachmentName(name: string): boolean {
  return (
    isOpenableAttachmentName(name) &&
    OPENABLE_ATTACHMENT_TYPES[attachmentExtension(name)].startsWith('image/')
  );
}

// The name to open the attachment under: its own name when the extension is one of the list,
// else its name with the extension of its MIME type (a scan saved without an extension); null when
// neither is an image or a PDF.
export function openableAttachmentName(name: string, type: string): string | null {
  if (isOpenableAttachmentName(name)) return name;
  const mime = type.toLowerCase().split(';')[0].trim();
  const extension = Object.keys(OPENABLE_ATTACHMENT_TYPES).find((e) => OPENABLE_ATTACHMENT_TYPES[e] === mime);
  return extension ? `${name || '附件'}.${extension}` : null;
}
