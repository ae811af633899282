import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Readable without a token (health, published reports); every other route needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
