import type { MessageEntry } from './index';

/** Statements by e-mail, the Sent log, printable statements, My earnings access (owner: statements, SPEC §12). */
export const statementsMessages = {
  menuSendStatements: { en: 'Send statements…', ru: 'Разослать расчётные листы…' },

  // the e-mail
  'statements.subject': { en: 'Pay statement for {period}: {manager}', ru: 'Расчётный лист за {period}: {manager}' },
  'statements.subjectCorrected': {
    en: 'Corrected pay statement for {period}: {manager}',
    ru: 'Исправленный расчётный лист за {period}: {manager}',
  },
  'statements.greeting': { en: 'Hello, {manager}! Here is your pay statement for {period}.', ru: 'Здравствуйте, {manager}! Ваш расчётный лист за {period}.' },
  'statements.correctedNote': {
    en: 'This statement replaces the one sent on {sentAt}: the figures behind it have changed.',
    ru: 'Этот расчётный лист заменяет отправленный {sentAt}: данные, по которым он посчитан, изменились.',
  },
  'statements.footer': {
    en: 'Sent by KPI Payouts. Questions about the figures: ask whoever sent it.',
    ru: 'Отправлено KPI Payouts. Вопросы по расчёту — тому, кто его прислал.',
  },
  'statements.textBody': {
    en: 'Your pay statement for {period}: total {total}. Open this e-mail in a mail program that shows HTML to see every line and deal.',
    ru: 'Ваш расчётный лист за {period}: итого {total}. Все строки и сделки видны в HTML-версии письма.',
  },
  'statements.colleague': { en: 'another manager', ru: 'другой менеджер' },

  // who is skipped, and why
  'statements.skip.noAddress': {
    en: 'no e-mail address (add one in the Managers sheet)',
    ru: 'нет адреса e-mail (добавьте его на лист «Сотрудники»)',
  },
  'statements.skip.severalAddresses': {
    en: 'several e-mail addresses ({emails}): give one in the Managers sheet',
    ru: 'несколько адресов e-mail ({emails}): укажите один на листе «Сотрудники»',
  },
  'statements.skip.unchanged': {
    en: 'already sent on {sentAt}, unchanged since',
    ru: 'уже отправлен {sentAt}, с тех пор не изменился',
  },
  'statements.skip.quota': {
    en: 'the daily e-mail quota is used up: send again tomorrow',
    ru: 'дневной лимит писем исчерпан: отправьте завтра',
  },
  'statements.skip.failed': { en: 'not sent: {reason}', ru: 'не отправлен: {reason}' },
  'statements.skip.noStatement': {
    en: 'no statement for the period (see Check data)',
    ru: 'расчётного листа за период нет (см. «Проверить данные»)',
  },

  // the Sent log
  'statements.log.sheet': { en: 'Sent', ru: 'Рассылка' },
  'statements.log.period': { en: 'Period', ru: 'Период' },
  'statements.log.manager': { en: 'Manager', ru: 'Менеджер' },
  'statements.log.email': { en: 'E-mail', ru: 'E-mail' },
  'statements.log.sentAt': { en: 'Sent at', ru: 'Отправлено' },
  'statements.log.fingerprint': { en: 'Statement fingerprint', ru: 'Отпечаток расчёта' },
  'statements.log.corrected': { en: 'Corrected', ru: 'Исправление' },
  'statements.log.yes': { en: 'yes', ru: 'да' },

  // the dialog
  'statements.dialog.title': { en: 'Send statements', ru: 'Рассылка расчётных листов' },
  'statements.dialog.prompt': {
    en: 'Period whose statements to send: a month (YYYY-MM) or a quarter (YYYY-Qn). Leave blank for {period}.',
    ru: 'За какой период разослать расчётные листы: месяц (ГГГГ-ММ) или квартал (ГГГГ-Qn). Пусто — {period}.',
  },
  'statements.dialog.recipients': { en: 'Will be sent ({count}):', ru: 'Будут отправлены ({count}):' },
  'statements.dialog.skipped': { en: 'Skipped ({count}):', ru: 'Пропущены ({count}):' },
  'statements.dialog.corrected': { en: '(corrected)', ru: '(исправление)' },
  'statements.dialog.nobody': { en: 'There is nothing to send for {period}.', ru: 'За {period} отправлять нечего.' },
  'statements.dialog.confirm': {
    en: 'Send {count} e-mails now? Each manager gets only their own statement.',
    ru: 'Отправить писем: {count}? Каждый менеджер получит только свой расчётный лист.',
  },
  'statements.dialog.sent': { en: 'Sent ({count}):', ru: 'Отправлено ({count}):' },

  // My earnings access
  'statements.earnings.notYours': {
    en: 'You can see only your own earnings{team}: {manager} is not among them.',
    ru: 'Вам доступен только ваш заработок{team}: {manager} сюда не входит.',
  },
  'statements.earnings.team': { en: ' and your team\'s', ru: ' и заработок вашей команды' },

  // CLI --statements
  'statements.cli.written': {
    en: 'Statements: {count} files in {dir}',
    ru: 'Расчётные листы: файлов — {count}, папка {dir}',
  },
  'statements.cli.pdf': { en: 'PDF beside each (LibreOffice).', ru: 'Рядом с каждым — PDF (LibreOffice).' },
  'statements.cli.noPdf': {
    en: 'No PDFs: LibreOffice (soffice) is not installed.',
    ru: 'PDF не сделаны: LibreOffice (soffice) не установлен.',
  },
  'statements.cli.pdfFailed': { en: 'PDF not made for {file}: {reason}', ru: 'PDF для {file} не сделан: {reason}' },
} satisfies Record<string, MessageEntry>;
