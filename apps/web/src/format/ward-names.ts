import type { Language } from '../i18n/language';

/** Names of the wards the service knows; any other ward shows its id. */
const NAMES: Record<string, { ja: string; en: string }> = {
  nerima: { ja: '練馬区', en: 'Nerima City' },
  taisho: { ja: '大正区', en: 'Taisho Ward' },
};

export const wardName = (wardId: string, language: Language) => NAMES[wardId]?.[language] ?? wardId;
