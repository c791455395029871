/**
 * Sheets and columns: what the reader found by name and header, and a select per field to pick
 * another header by hand (saved in the document, used by every action).
 */
import { useEffect, useState } from 'preact/hooks';
import type { MappingView } from '../../sheets/sidebarServer';
import type { ColumnMapping, SheetRole } from '../../workbook/raw';
import { callServer } from '../server';
import { t, type Lang } from '../i18n';
import { DealsSheetsPicker } from './DealsSheetsPicker';

function toMapping(view: MappingView): ColumnMapping {
  const mapping: ColumnMapping = { sheets: {}, columns: {} };
  for (const role of view.roles) {
    // Deals: the sheets the saved list names, as this workbook spells them (several = one table).
    const sheet = role.role === 'deals' && role.chosenSheets.length > 0 ? role.chosenSheets.join(',') : role.chosenSheet;
    if (sheet) mapping.sheets![role.role] = sheet;
    const chosen: Record<string, string> = {};
    for (const f of role.fields) if (f.chosen) chosen[f.field] = f.chosen;
    mapping.columns![role.role] = chosen;
  }
  return mapping;
}

/** The Deals sheets ticked: the saved entry (one name, commas and all, else a comma list) as names of this workbook. */
function pickedDeals(entry: string | undefined, sheets: string[]): string[] {
  if (!entry || entry.trim() === '') return [];
  if (sheets.includes(entry)) return [entry];
  return entry.split(',').map((p) => p.trim()).filter((p) => sheets.includes(p));
}

export function MappingSection(props: { lang: Lang }) {
  const { lang } = props;
  const [view, setView] = useState<MappingView | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open || view) return;
    callServer('getColumnMapping')
      .then((v) => { setView(v); setMapping(toMapping(v)); })
      .catch((e: Error) => setStatus(t(lang, 'sb.error', { message: e.message })));
  }, [open]);

  const setSheet = (role: SheetRole, name: string) => setMapping({ ...mapping, sheets: { ...mapping.sheets, [role]: name } });
  const setColumn = (role: SheetRole, field: string, header: string) =>
    setMapping({ ...mapping, columns: { ...mapping.columns, [role]: { ...(mapping.columns?.[role] ?? {}), [field]: header } } });

  const save = () => {
    setStatus('');
    callServer('saveColumnMapping', mapping)
      .then((v) => { setView(v); setMapping(toMapping(v)); setStatus(t(lang, 'sb.mapping.saved')); })
      .catch((e: Error) => setStatus(t(lang, 'sb.error', { message: e.message })));
  };

  return (
    <details class="mapping" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t(lang, 'sb.mapping.title')}</summary>
      <p class="help">{t(lang, 'sb.mapping.help')}</p>
      {!view && open && !status && <p class="muted">{t(lang, 'sb.loading')}</p>}
      {view &&
        view.roles.map((role) => (
          <fieldset class="mapping-role" data-role={role.role}>
            <legend>{role.label}</legend>
            {role.role === 'deals' ? (
              <DealsSheetsPicker lang={lang} sheets={view.sheets} autoSheet={role.autoSheet}
                picked={pickedDeals(mapping.sheets?.deals, view.sheets)} onChange={(names) => setSheet('deals', names.join(','))} />
            ) : (
            <label class="mapping-row">
              <span>{t(lang, 'sb.mapping.sheet')}</span>
              <select value={mapping.sheets?.[role.role] ?? ''} onChange={(e) => setSheet(role.role, (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{role.autoSheet ? t(lang, 'sb.mapping.auto', { name: role.autoSheet }) : t(lang, 'sb.mapping.autoNone')}</option>
                {view.sheets.map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </label>
            )}
            {role.headers.length > 0 &&
              role.fields.map((f) => (
                <label class={f.required && !f.auto && !mapping.columns?.[role.role]?.[f.field] ? 'mapping-row missing' : 'mapping-row'} data-field={f.field}>
                  <span>
                    {f.label}
                    {f.required && <abbr title={t(lang, 'sb.mapping.required')}> *</abbr>}
                  </span>
                  <select value={mapping.columns?.[role.role]?.[f.field] ?? ''} onChange={(e) => setColumn(role.role, f.field, (e.currentTarget as HTMLSelectElement).value)}>
                    <option value="">{f.auto ? t(lang, 'sb.mapping.auto', { name: f.auto }) : t(lang, 'sb.mapping.autoNone')}</option>
                    {role.headers.map((h) => (
                      <option value={h}>{h}</option>
                    ))}
                  </select>
                </label>
              ))}
          </fieldset>
        ))}
      {view && (
        <button type="button" class="secondary" onClick={save}>
          {t(lang, 'sb.mapping.save')}
        </button>
      )}
      {status && <p class="status">{status}</p>}
    </details>
  );
}
