import { parseLocaleNumber } from './number';
import { fail, METRES_PER_DEGREE, type ParseResult } from './result';

type Mark = '°' | "'" | '"';
type Num = { text: string; value: number; decimals: number; mark?: Mark };
type Token = { kind: 'num'; num: Num } | { kind: 'hemi'; letter: string } | { kind: 'sep' };
type Component = { nums: Num[]; hemi?: string };

const RANK: Record<Mark, number> = { '°': 0, "'": 1, '"': 2 };

/** One spelling for the many marks people paste: ′ ’ ´ for minutes, ″ “ '' for seconds, º ˚ for degrees. */
function normalize(text: string): string {
  return (
    text
      .normalize('NFC')
      .toUpperCase()
      .replace(/[º˚]/g, '°')
      .replace(/[′’‘´`]/g, "'")
      .replace(/''/g, '"')
      .replace(/[″“”]/g, '"')
      .replace(/\u2212/g, '-')
      // Vietnamese hemisphere initials: Bắc (north), Đông (east). Nam/Tây are not read, since
      // "N" would then mean south.
      .replace(/Đ/g, 'E')
      .replace(/B/g, 'N')
  );
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const pattern = /\s*(?:([-+]?\d+(?:[.,]\d+)?)\s*([°'"])?|([NSEW])|([,;]))\s*/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match || pattern.lastIndex === index) return undefined;
    index = pattern.lastIndex;
    if (match[1] !== undefined) {
      const parsed = parseLocaleNumber(match[1]);
      if (!parsed) return undefined;
      tokens.push({ kind: 'num', num: { text: match[1], ...parsed, mark: match[2] as Mark | undefined } });
    } else if (match[3] !== undefined) tokens.push({ kind: 'hemi', letter: match[3] });
    else tokens.push({ kind: 'sep' });
  }
  return tokens;
}

/** A new number starts the next coordinate when it cannot continue the current degrees-minutes-seconds. */
function startsNewComponent(current: Num[], next: Num): boolean {
  const last = current[current.length - 1];
  if (!last) return false;
  if (current.length === 3 || last.decimals > 0 || last.mark === '"' || next.mark === '°') return true;
  return next.mark !== undefined && last.mark !== undefined && RANK[next.mark] <= RANK[last.mark];
}

function group(tokens: Token[]): Component[] | undefined {
  const nums = tokens.flatMap((t) => (t.kind === 'num' ? [t.num] : []));
  if (nums.length === 0) return undefined;
  // Bare numbers only ("12 24 31.5 107 51 14.8"): the two coordinates are the two halves.
  if (nums.length === tokens.length && nums.every((n) => !n.mark)) {
    if (nums.length % 2 || nums.length > 6) return undefined;
    return [{ nums: nums.slice(0, nums.length / 2) }, { nums: nums.slice(nums.length / 2) }];
  }
  const components: Component[] = [];
  let current: Component = { nums: [] };
  const close = (): boolean => {
    if (current.nums.length) components.push(current);
    else if (current.hemi) return false;
    current = { nums: [] };
    return true;
  };
  for (const token of tokens) {
    if (token.kind === 'sep') {
      if (!close()) return undefined;
    } else if (token.kind === 'hemi') {
      if (!current.nums.length) {
        if (current.hemi) return undefined;
        current.hemi = token.letter;
      } else if (current.hemi) {
        close();
        current.hemi = token.letter;
      } else {
        current.hemi = token.letter;
        close();
      }
    } else {
      if (startsNewComponent(current.nums, token.num) && !close()) return undefined;
      current.nums.push(token.num);
    }
  }
  return close() ? components : undefined;
}

type Angle = { value: number; hemi?: string; precisionM: number; hasMinutes: boolean };

function toAngle(component: Component): Angle | string {
  const parts: Array<Num | undefined> = [undefined, undefined, undefined];
  let next = 0;
  for (const [i, num] of component.nums.entries()) {
    const position = num.mark ? RANK[num.mark] : next;
    if (position < next || position > 2) return 'order';
    if (i > 0 && /^[-+]/.test(num.text)) return 'sign';
    if (i < component.nums.length - 1 && num.decimals > 0) return 'order';
    parts[position] = num;
    next = position + 1;
  }
  const [deg, min, sec] = parts;
  if (!deg) return 'order';
  if ((min && min.value >= 60) || (sec && sec.value >= 60)) return 'minutes';
  const negative = deg.text.startsWith('-');
  if (negative && component.hemi) return 'sign';
  const magnitude = Math.abs(deg.value) + (min?.value ?? 0) / 60 + (sec?.value ?? 0) / 3600;
  const finest = sec ?? min ?? deg;
  const unitM = METRES_PER_DEGREE / (sec ? 3600 : min ? 60 : 1);
  const signed = (component.hemi === 'S' || component.hemi === 'W' || negative ? -1 : 1) * magnitude;
  return { value: signed, hemi: component.hemi, precisionM: unitM * 10 ** -finest.decimals, hasMinutes: !!(min || sec) };
}

const ERRORS: Record<string, [string, string]> = {
  order: ['Thứ tự độ, phút, giây không đúng', 'Degrees, minutes and seconds are out of order'],
  sign: ['Dấu âm và chữ chỉ hướng (N/S/E/W) mâu thuẫn hoặc đặt sai chỗ', 'Minus sign conflicts with N/S/E/W or is misplaced'],
  minutes: ['Phút và giây phải nhỏ hơn 60', 'Minutes and seconds must be below 60'],
};

/**
 * Latitude and longitude in decimal degrees or degrees-minutes-seconds, in either order when
 * N/S/E/W says which is which; without letters, "lat, lon" as map apps copy it, unless the
 * first number cannot be a latitude (> 90), which is the GeoJSON "lon, lat" order.
 */
export function parseLatLon(text: string, only?: 'dd'): ParseResult {
  const tokens = tokenize(normalize(text));
  const components = tokens && group(tokens);
  if (!components || components.length !== 2) {
    return fail(
      `Không đọc được "${text}" thành vĩ độ, kinh độ (ví dụ 12.4025, 107.8541 hoặc 12°24'09"N 107°51'15"E)`,
      `Cannot read "${text}" as latitude, longitude (e.g. 12.4025, 107.8541 or 12°24'09"N 107°51'15"E)`,
    );
  }
  const angles: Angle[] = [];
  for (const component of components) {
    const angle = toAngle(component);
    if (typeof angle === 'string') return fail(...ERRORS[angle]);
    angles.push(angle);
  }
  if (only === 'dd' && angles.some((a) => a.hasMinutes)) {
    return fail(
      'Toạ độ có phút/giây: hãy chọn dạng độ-phút-giây',
      'The coordinate has minutes/seconds: use the degrees-minutes-seconds format',
    );
  }
  const isLat = (a: Angle) => a.hemi === 'N' || a.hemi === 'S';
  const isLon = (a: Angle) => a.hemi === 'E' || a.hemi === 'W';
  let [lat, lon] = angles;
  if (isLon(angles[0]) || isLat(angles[1]) || (!angles[0].hemi && !angles[1].hemi && Math.abs(angles[0].value) > 90)) {
    [lon, lat] = angles;
  }
  if (isLon(lat) || isLat(lon)) {
    return fail('Hai toạ độ cùng là vĩ độ hoặc cùng là kinh độ', 'Both values are latitudes, or both longitudes');
  }
  if (Math.abs(lat.value) > 90 || Math.abs(lon.value) > 180) {
    return fail(
      'Ngoài phạm vi: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180',
      'Out of range: latitude must be within ±90 and longitude within ±180',
    );
  }
  const format = angles.some((a) => a.hasMinutes) ? 'dms' : 'dd';
  return {
    ok: true,
    lonLat: [lon.value, lat.value],
    source: { format, lat: lat.value, lon: lon.value },
    precisionM: Math.max(lat.precisionM, lon.precisionM),
  };
}
