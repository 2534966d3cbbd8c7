// The import worker: reads .xlsx files off the interface thread (exceljs takes seconds on a big
// file), so choosing a file never freezes the screens. It returns the first sheet's plain values
// and its formula cells; the importers check the rows.
import { handleReadRequest } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (e: MessageEvent) => {
  void handleReadRequest(e.data, (message) => scope.postMessage(message));
};
