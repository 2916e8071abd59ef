// Starts the built server. Our own MAX_BODY_BYTES guard answers over-size bodies in the API's
// error shape, so adapter-node's smaller default limit is lifted unless set explicitly.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
await import('../build/index.js');
