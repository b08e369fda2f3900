/** The hotline runs on Beijing time whatever the viewer's machine says. */
const FORMAT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function fmtTime(iso: string | number | Date): string {
  return FORMAT.format(new Date(iso));
}
