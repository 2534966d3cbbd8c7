import { describe, expect, it } from 'vitest';

import {
  attachmentExtension,
  isImageAttachmentName,
  isOpenableAttachmentName,
  openableAttachmentName,
} from './attachments';

describe('openable attachments', () => {
  it('opens images and PDF under their own name', () => {
    expect(openableAttachmentName('来信扫描件.PDF', 'application/pdf')).toBe('来信扫描件.PDF');
    expect(openableAttachmentName('现场照片.jpg', '')).toBe('现场照片.jpg');
    expect(isImageAttachmentName('现场照片.jpeg')).toBe(true);
    expect(isImageAttachmentName('来信.pdf')).toBe(false);
    expect(isImageAttachmentName('来信.docx')).toBe(false);
  });

  it('adds the extension of the MIME type when the name has none of the list', () => {
    expect(openableAttachmentName('扫描件', 'image/png')).toBe('扫描件.png');
    expect(openableAttachmentName('scan.exe', 'image/jpeg; charset=binary')).toBe('scan.exe.jpg');
    expect(openableAttachmentName('', 'application/pdf')).toBe('附件.pdf');
  });

  it('opens nothing else: programs, scripts, office documents are only saved', () => {
    for (const [name, type] of [
      ['setup.exe', 'application/x-msdownload'],
      ['材料.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['run.bat', ''],
      ['page.html', 'text/html'],
      ['noext', ''],
    ])
      expect(openableAttachmentName(name, type)).toBeNull();
    expect(isOpenableAttachmentName('.pdf')).toBe(false);
    expect(attachmentExtension('a.B.TIFF')).toBe('tiff');
    expect(isOpenableAttachmentName('toString')).toBe(false);
  });
});
