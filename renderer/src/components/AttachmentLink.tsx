// An attachment's name as a link that opens it. The page may not open windows (the desktop app
// denies every window.open), so opening goes through the platform: the desktop app writes a
// temporary copy and has the operating system's viewer open it; the browser downloads it. In the
// browser an image is shown in the page instead. A file that is neither an image nor a PDF is never
// opened directly: it is saved where the user chooses (shared/attachments.ts).
import { Anchor, Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';

import { isImageAttachmentName, openableAttachmentName } from '../../../shared/attachments';
import { isDesktop, platform } from '../platform';

import { notifyError } from './notify';

export type AttachmentFile = { name: string; type: string; blob: Blob };

async function bytesOf(file: AttachmentFile): Promise<Uint8Array> {
  return new Uint8Array(await file.blob.arrayBuffer());
}

export function AttachmentLink({ file }: { file: AttachmentFile }) {
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  useEffect(() => () => void (imageUrl && URL.revokeObjectURL(imageUrl)), [imageUrl]);

  async function open() {
    try {
      const name = openableAttachmentName(file.name, file.type);
      if (name && !isDesktop && isImageAttachmentName(name)) {
        setImageUrl(URL.createObjectURL(file.blob));
        return;
      }
      const data = await bytesOf(file);
      if (!name) {
        await platform.saveFile({ suggestedName: file.name, data });
        return;
      }
      const r = await platform.openAttachment({ name, data });
      if (!r.opened) notifyError(new Error(r.error ?? '无法打开附件'), '未能打开附件');
    } catch (e) {
      notifyError(e, '未能打开附件');
    }
  }

  async function save() {
    try {
      await platform.saveFile({ suggestedName: file.name, data: await bytesOf(file) });
    } catch (e) {
      notifyError(e, '未能保存附件');
    }
  }

  return (
    <>
      <Anchor component="button" type="button" size="sm" mr="sm" onClick={() => void open()}>
        {file.name}
      </Anchor>
      <Modal opened={imageUrl !== null} onClose={() => setImageUrl(null)} title={file.name} size="xl">
        {imageUrl && (
          <Stack>
            <img
              src={imageUrl}
              alt={file.name}
              style={{ alignSelf: 'center', maxWidth: '100%', maxHeight: '72vh', objectFit: 'contain' }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void save()}>
                下载
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
