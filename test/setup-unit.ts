// Unit tests run Dexie on fake-indexeddb; a test that needs a fresh database deletes it itself.
import 'fake-indexeddb/auto';
