/** Key rotation is an event: this stream holds them, each naming the previous and the next key. */
export const KEY_STREAM = 'transparency-keys';
export const KEY_ROTATED = 'TransparencySigningKeyRotated';
