// Utilities.formatDate: Java SimpleDateFormat patterns in a named time zone.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

function partsIn(date: Date, timeZone: string): Parts {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone === 'GMT' ? 'UTC' : timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(date)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(),
    offsetMinutes,
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** RFC 822 zone ('Z', 'z' fallback): always sign, hours and minutes, e.g. +0100. */
function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/** ISO 8601 zone ('X', 'XX', 'XXX'): 'Z' for UTC, else +01, +0100 or +01:00. */
function isoOffset(minutes: number, letters: number): string {
  if (minutes === 0) return 'Z';
  if (letters === 1) return offset(minutes, false).slice(0, 3);
  return offset(minutes, letters >= 3);
}

export function formatDate(date: Date, timeZone: string, format: string): string {
  const p = partsIn(date, timeZone);
  let out = '';
  for (let i = 0; i < format.length;) {
    const ch = format[i];
    if (ch === "'") {
      // '' is a literal quote, inside quoted text or out of it (SimpleDateFormat).
      if (format[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      for (i++; i < format.length; i++) {
        if (format[i] !== "'") out += format[i];
        else if (format[i + 1] === "'") out += format[i++];
        else break;
      }
      i++;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
        out +=
          n >= 4
            ? MONTHS[p.month - 1]
            : n === 3
              ? MONTHS[p.month - 1].slice(0, 3)
              : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 || 12, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(date.getTime() % 1000, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'X':
        out += isoOffset(p.offsetMinutes, n);
        break;
      case 'Z':
        out += offset(p.offsetMinutes, false);
        break;
      case 'z':
        out +=
          p.offsetMinutes === 0
            ? 'GMT'
            : timeZone === 'Europe/London'
              ? 'BST'
              : offset(p.offsetMinutes, true);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
