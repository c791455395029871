/**
 * The Deals sheets of the mapping (issue 9 item 3, SPEC §10.1): a checkbox per sheet — one, or
 * several with the same columns read as one table (saved as the comma list the reader accepts) —
 * and, under it, the combined table as every action will read it: deals per sheet, the column
 * report, or the reader's message why these sheets cannot be one table.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DealsSheetsCheck } from '../../workbook/dealsSheetsCheck';
import { callServer } from '../server';
import { t, type Lang } from '../i18n';

export function DealsSheetsPicker(props: { lang: Lang; sheets: string[]; picked: string[]; autoSheet: string | null; onChange: (picked: string[]) => void }) {
  const { lang, sheets, picked, autoSheet, onChange } = props;
  const [check, setCheck] = useState<DealsSheetsCheck | null>(null);
  const [failure, setFailure] = useState('');
  const key = picked.join('\u0000');

  useEffect(() => {
    let current = true;
    setCheck(null);
    setFailure('');
    callServer('previewDealsSheets', picked)
      .then((c) => { if (current) setCheck(c); })
      .catch((e: Error) => { if (current) setFailure(t(lang, 'sb.error', { message: e.message })); });
    return () => { current = false; };
  }, [key]);

  // Ticked sheets keep the order of the workbook's tabs: the order the table is read in.
  const toggle = (name: string, on: boolean) => onChange(sheets.filter((s) => (s === name ? on : picked.includes(s))));

  return (
    <div class="deals-picker">
      <fieldset class="checks">
        <legend>{picked.length === 0 ? (autoSheet ? t(lang, 'sb.mapping.auto', { name: autoSheet }) : t(lang, 'sb.mapping.autoNone')) : t(lang, 'sb.mapping.sheet')}</legend>
        {sheets.map((name) => (
          <label class="check-row" data-sheet={name}>
            <input type="checkbox" checked={picked.includes(name)} onChange={(e) => toggle(name, (e.currentTarget as HTMLInputElement).checked)} /> {name}
          </label>
        ))}
      </fieldset>
      <p class="help">{t(lang, 'sb.deals.help')}</p>
      {!check && !failure && <p class="muted">{t(lang, 'sb.deals.checking')}</p>}
      {failure && <p class="issue">{failure}</p>}
      {check && !check.ok && <p class="issue deals-refused">{check.message}</p>}
      {check && check.ok && (
        <div class="deals-check">
          <ul class="issues">
            {check.sheets.map((s) => (
              <li class="check-row" data-sheet={s.name}>{t(lang, 'sb.deals.sheetDeals', { sheet: s.name, count: s.deals })}</li>
            ))}
          </ul>
          <p class="deals-total"><strong>{t(lang, 'sb.deals.total', { count: check.total })}</strong></p>
          {check.issues > 0 && <p class="issue">{t(lang, 'sb.deals.issues', { count: check.issues })}</p>}
          {check.columns.map(([sheet, used, ignored]) => (
            <p class="tiers-text deals-columns">
              {sheet}: {used}
              {ignored && ` — ${t(lang, 'sb.deals.ignored')}: ${ignored}`}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
