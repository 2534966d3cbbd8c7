// Old path, kept only for the 会议 module until it moves: use ../documents (index.ts).
export * from './core/demoKit';
