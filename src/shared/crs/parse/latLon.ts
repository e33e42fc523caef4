import { parseLocaleNumber, splitAtComma } from './number';
import { fail, METRES_PER_DEGREE, type ParseResult } from './result';

type Mark = '°' | "'" | '"';
type Num = { text: string; value: number; decimals: number; mark?: Mark };
type Axis = 'lat' | 'lon';
type Token = { kind: 'num'; num: Num } | { kind: 'hemi'; letter: string } | { kind: 'axis'; axis: Axis } | { kind: 'sep' };
type Component = { nums: Num[]; hemi?: string; axis?: Axis };

const RANK: Record<Mark, number> = { '°': 0, "'": 1, '"': 2 };

/** One spelling for the many marks people paste: ′ ’ ´ for minutes, ″ “ '' for seconds, º ˚ for degrees. */
function normalize(text: string): string {
  return (
    text
      .normalize('NFC')
      .toUpperCase()
      // The status bar's "WGS 84: Vĩ độ 12,402500° B, Kinh độ 107,854100° Đ": the datum goes,
      // the words become axis marks (@ latitude, # longitude) before Đ and B are read as letters.
      .replace(/WGS\s*-?\s*84\s*:?/g, ' ')
      .replace(/V[IĨ]\s*[ĐD][OỘÔ]|LATITUDE|\bLAT\b/g, ' @ ')
      .replace(/KINH\s*[ĐD][OỘÔ]|LONGITUDE|\bLONG?\b|\bLNG\b/g, ' # ')
      // Written out: "12 độ 24 phút 31,5 giây Bắc", "107,85 Đông".
      .replace(/ĐỘ/g, '°')
      // "Vĩ độ: 12,4025", and "12:24:31.5" (colons between degrees, minutes and seconds).
      .replace(/[:=]/g, ' ')
      .replace(/PH[UÚ]T/g, "'")
      .replace(/GI[AÂ]Y/g, '"')
      .replace(/B[AẮ]C/g, 'N')
      .replace(/ĐÔNG/g, 'E')
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
  const pattern = /\s*(?:([-+]?\d+(?:[.,]\d+)?)\s*([°'"])?|([NSEW])|([,;])|([@#]))\s*/y;
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
    else if (match[5] !== undefined) tokens.push({ kind: 'axis', axis: match[5] === '@' ? 'lat' : 'lon' });
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
    else if (current.hemi || current.axis) return false;
    current = { nums: [] };
    return true;
  };
  for (const token of tokens) {
    if (token.kind === 'sep') {
      if (!close()) return undefined;
    } else if (token.kind === 'axis') {
      // "Vĩ độ 12,4025° B": the word opens its coordinate.
      if (current.nums.length && !close()) return undefined;
      if (current.axis || current.hemi) return undefined;
      current.axis = token.axis;
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

type Angle = { value: number; hemi?: string; axis?: Axis; precisionM: number; hasMinutes: boolean };

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
  return { value: signed, hemi: component.hemi, axis: component.axis, precisionM: unitM * 10 ** -finest.decimals, hasMinutes: !!(min || sec) };
}

const ERRORS: Record<string, [string, string]> = {
  order: [
    'Thứ tự độ, phút, giây không đúng: hãy viết độ° phút′ giây″, ví dụ 12°24′31,5″B',
    'Degrees, minutes and seconds are out of order: write degrees° minutes′ seconds″, e.g. 12°24′31.5″N',
  ],
  sign: [
    'Dấu âm và chữ chỉ hướng (N/S/E/W) mâu thuẫn hoặc đặt sai chỗ: hãy dùng một trong hai, đặt trước độ',
    'Minus sign conflicts with N/S/E/W or is misplaced: use one or the other, before the degrees',
  ],
  minutes: [
    'Phút và giây phải nhỏ hơn 60 (60′ là 1°, 60″ là 1′): hãy cộng phần thừa vào độ hoặc phút',
    'Minutes and seconds must be below 60 (60′ is 1°, 60″ is 1′): carry the excess into the degrees or minutes',
  ],
};

/**
 * Latitude and longitude in decimal degrees or degrees-minutes-seconds, in either order when
 * N/S/E/W says which is which; without letters, "lat, lon" as map apps copy it, unless the
 * first number cannot be a latitude (> 90), which is the GeoJSON "lon, lat" order.
 */
export function parseLatLon(text: string, only?: 'dd'): ParseResult {
  const normalized = normalize(text);
  // A comma with a digit after it is a decimal mark ("12,5 107,9"); a comma between two numbers
  // written without a space ("12.5,107.9", "12,5,107,9") separates them only where exactly one
  // comma can: "12,5,107" (12 | 5.107 or 12.5 | 107) is refused.
  for (const run of normalized.match(/\d+(?:[.,]\d+){2,}/g) ?? []) {
    if (run.includes(',') && !parseLocaleNumber(run) && splitAtComma(run) === 'several') {
      return fail(
        `Không rõ dấu phẩy nào trong "${run}" là dấu thập phân: hãy đặt dấu cách sau dấu phẩy ngăn hai số (12,5, 107) hoặc dùng dấu chấm thập phân (12.5, 107)`,
        `Cannot tell which comma in "${run}" is a decimal mark: put a space after the comma between the two values (12,5, 107) or use decimal dots (12.5, 107)`,
      );
    }
  }
  const tokens = tokenize(normalized);
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
  const isLat = (a: Angle) => a.hemi === 'N' || a.hemi === 'S' || a.axis === 'lat';
  const isLon = (a: Angle) => a.hemi === 'E' || a.hemi === 'W' || a.axis === 'lon';
  if (angles.some((a) => isLat(a) && isLon(a))) {
    return fail(
      'Chữ chỉ hướng mâu thuẫn với nhãn: vĩ độ đi với B/N (Bắc) hoặc S, kinh độ đi với Đ/E (Đông) hoặc W; hãy sửa lại',
      'A hemisphere letter contradicts its label: latitude takes N or S, longitude E or W; correct it',
    );
  }
  const named = (a: Angle) => isLat(a) || isLon(a);
  let [lat, lon] = angles;
  if (isLon(angles[0]) || isLat(angles[1]) || (!named(angles[0]) && !named(angles[1]) && Math.abs(angles[0].value) > 90)) {
    [lon, lat] = angles;
  }
  if (isLon(lat) || isLat(lon)) {
    return fail(
      'Hai toạ độ cùng là vĩ độ hoặc cùng là kinh độ: hãy ghi một vĩ độ (B/N) và một kinh độ (Đ/E)',
      'Both values are latitudes, or both longitudes: write one latitude (N) and one longitude (E)',
    );
  }
  if (Math.abs(lat.value) > 90 || Math.abs(lon.value) > 180) {
    return fail(
      'Ngoài phạm vi: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180; hãy kiểm tra lại các số',
      'Out of range: latitude must be within ±90 and longitude within ±180; check the numbers',
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
