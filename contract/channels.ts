// Electron IPC channel names. Kept free of imports so the sandboxed preload can bundle it cheaply.
export const IPC_CALL = 'porthole:call';
export const IPC_SUBSCRIBE = 'porthole:subscribe';

// Web mode: the WebSocket subprotocol, and where a page finds its page secret (a <meta> the
// server writes into each page it serves), sent back as the subprotocol "porthole.page.SECRET".
export const WS_PROTOCOL = 'porthole.v2';
export const PAGE_PROTOCOL_PREFIX = 'porthole.page.';
export const PAGE_SECRET_META = 'porthole-page';
/** Download streams as a response body (web mode: with the page secret in this header). */
export const DOWNLOAD_PATH = '/download';
export const PAGE_SECRET_HEADER = 'x-porthole-page';
/** Upload streams from a request body (web mode: POST, with the page secret in that header). */
export const UPLOAD_PATH = '/upload';
