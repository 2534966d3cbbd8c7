// Test fixtures of 公文 shared by the module's unit tests.
import type { IncomingInput } from './incoming';

// An ordinary document from 市信访局 received on 2 November.
export const incomingInput = (o: Partial<IncomingInput> = {}): IncomingInput => ({
  kind: 'document',
  receivedOn: '2026-11-02',
  issuer: '市信访局',
  issuerNumber: '',
  title: '来文',
  urgency: 'normal',
  secrecy: 'none',
  copies: 1,
  ...o,
});
