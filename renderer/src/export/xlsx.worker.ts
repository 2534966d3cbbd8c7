// The export worker: writes ledgers to .xlsx off the interface thread, so a big ledger never freezes
// the screens. It receives LedgerSpecs (already masked, PET-6) and returns the file's bytes.
import { handleExportRequest } from './workerProtocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (e: MessageEvent) => {
  void handleExportRequest(e.data, (message, transfer) => scope.postMessage(message, transfer ?? []));
};
