/** The workbook's currency from its settings or locale. */

/** ISO currency of a locale's country (`en_US` → USD); ru locales and unknown countries → RUB. */
const COUNTRY_CURRENCY: Record<string, string> = {
  RU: 'RUB', US: 'USD', GB: 'GBP', KZ: 'KZT', UA: 'UAH', BY: 'BYN', UZ: 'UZS', KG: 'KGS', AM: 'AMD', GE: 'GEL', AZ: 'AZN',
  MD: 'MDL', TJ: 'TJS', TM: 'TMT', CH: 'CHF', PL: 'PLN', CZ: 'CZK', SE: 'SEK', NO: 'NOK', DK: 'DKK', HU: 'HUF', RO: 'RON',
  RS: 'RSD', TR: 'TRY', IL: 'ILS', AE: 'AED', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IN: 'INR', JP: 'JPY', CN: 'CNY', KR: 'KRW',
  SG: 'SGD', BR: 'BRL', MX: 'MXN', ZA: 'ZAR',
  AT: 'EUR', BE: 'EUR', BG: 'EUR', CY: 'EUR', DE: 'EUR', EE: 'EUR', ES: 'EUR', FI: 'EUR', FR: 'EUR', GR: 'EUR', HR: 'EUR',
  IE: 'EUR', IT: 'EUR', LT: 'EUR', LU: 'EUR', LV: 'EUR', MT: 'EUR', NL: 'EUR', PT: 'EUR', SI: 'EUR', SK: 'EUR',
};

/** The workbook's currency: as given, else RUB for ru locales, else the locale country's, else RUB. */
export function currencyOf(currency: string | null | undefined, locale: string | null | undefined): string {
  if (currency && currency.trim() !== '') return currency.trim().toUpperCase();
  const loc = String(locale ?? '');
  if (/^ru/i.test(loc)) return 'RUB';
  const country = /^[a-z]{2,3}[_-]([a-z]{2})\b/i.exec(loc)?.[1]?.toUpperCase();
  return (country && COUNTRY_CURRENCY[country]) || 'RUB';
}
