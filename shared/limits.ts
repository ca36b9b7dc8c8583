export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  displayNameMax: 60,
  slugMax: 40,
  spaceNameMax: 80,
  announcementMax: 500,
  idempotencyKeyMax: 64,
  /** Largest JSON body the REST API accepts. */
  jsonBodyBytes: 256 * 1024,
  /** Largest single frame on the document socket; a bigger one closes that connection. */
  docMessageBytes: 1024 * 1024,
  /** How many missed events one stream:subscribe returns at most; the client asks again for more. */
  replayBatch: 500,
} as const;
