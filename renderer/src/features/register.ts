// Start-up registration of each module's approval handlers, to-dos and deadlines (light files only).
// Each module adds one import line here.
export {};
