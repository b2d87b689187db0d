// Electron IPC channel names. Kept free of imports so the sandboxed preload can bundle it cheaply.
export const IPC_CALL = 'porthole:call';
export const IPC_SUBSCRIBE = 'porthole:subscribe';
