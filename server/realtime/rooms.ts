/** Socket.IO room of a stream: every subscriber of `space:<id>` is in `stream:space:<id>`. */
export const streamRoom = (stream: string) => `stream:${stream}`;
