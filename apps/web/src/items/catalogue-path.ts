import { wardPath } from '../api/ward-path';

export const cataloguePath = (wardId: string) => wardPath(wardId, '/catalogue');
