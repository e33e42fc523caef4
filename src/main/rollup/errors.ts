// PostgreSQL's and the network's failures as sentences a district admin can act on (never the
// library's English alone: its message goes into details for the province's database admin).
import { ApiError } from '../../shared/api-error';

interface Where {
  display: string;
  user?: string;
  database?: string;
}

export function pgError(e: unknown, t: Where): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  const msg = String(err?.message ?? e);
  const details = { pg: code || undefined, message: msg };
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'ENOENT' || /timeout/i.test(msg))
    return new ApiError(
      'not_found',
      `Không kết nối được máy chủ ${t.display}: máy chủ chưa chạy, sai địa chỉ/cổng, hoặc mạng chặn. Kiểm tra địa chỉ và hỏi người quản trị cơ sở dữ liệu tỉnh.`,
      `Cannot reach the server ${t.display}: it is not running, the address or port is wrong, or the network blocks it. Check the address and ask the province's database admin.`,
      details,
    );
  if (code === '28P01' || code === '28000')
    return new ApiError(
      'unauthorized',
      `Máy chủ ${t.display} không chấp nhận người dùng hoặc mật khẩu. Nhập lại mật khẩu (hoặc sửa PGPASSWORD, ~/.pgpass), hoặc hỏi người quản trị cơ sở dữ liệu tỉnh.`,
      `The server ${t.display} refused the user or password. Type the password again (or fix PGPASSWORD, ~/.pgpass), or ask the province's database admin.`,
      details,
    );
  if (code === '3D000')
    return new ApiError(
      'not_found',
      `Trên máy chủ chưa có cơ sở dữ liệu ${t.database ?? ''}. Người quản trị tỉnh tạo nó theo docs/ROLLUP.md (createdb, CREATE EXTENSION postgis).`,
      `The server has no database ${t.database ?? ''}. The province's admin creates it as docs/ROLLUP.md says (createdb, CREATE EXTENSION postgis).`,
      details,
    );
  if (code === '42501')
    return new ApiError(
      'forbidden',
      `Người dùng ${t.user ?? ''} không có quyền ghi vào cơ sở dữ liệu tỉnh. Người quản trị tỉnh cấp quyền theo docs/ROLLUP.md.`,
      `User ${t.user ?? ''} may not write into the province database. The province's admin grants it as docs/ROLLUP.md says.`,
      details,
    );
  if (/SSL|TLS|certificate|self.signed/i.test(msg))
    return new ApiError(
      'forbidden',
      `Kết nối mã hóa (TLS) với ${t.display} không thành công: ${/certificate|self.signed/i.test(msg) ? 'chứng chỉ của máy chủ không được tin cậy (kiểm tra sslrootcert)' : 'máy chủ không hỗ trợ TLS (sslmode=require đòi TLS)'}.`,
      `The encrypted (TLS) connection to ${t.display} failed: ${/certificate|self.signed/i.test(msg) ? "the server's certificate is not trusted (check sslrootcert)" : 'the server has no TLS (sslmode=require insists on it)'}.`,
      details,
    );
  if (code === '40001' || code === '40P01' || code === '55P03')
    return new ApiError('conflict', 'Cơ sở dữ liệu tỉnh đang bận với một lần gửi khác. Thử lại sau ít phút.', 'The province database is busy with another publish. Try again in a few minutes.', details);
  if (/connection terminated|Connection terminated|ECONNRESET/i.test(msg) || code === 'ECONNRESET' || code === '57P01')
    return new ApiError(
      'conflict',
      `Mất kết nối với ${t.display} giữa chừng. Cơ sở dữ liệu tỉnh giữ nguyên như trước lần gửi này; gửi lại khi mạng ổn định.`,
      `The connection to ${t.display} was lost midway. The province database is as it was before this publish; publish again when the network is back.`,
      details,
    );
  return new ApiError(
    'internal',
    `Cơ sở dữ liệu tỉnh báo lỗi (${code || 'không rõ mã'}); lần gửi này không thay đổi gì. Gửi thông báo này cho người quản trị cơ sở dữ liệu tỉnh.`,
    `The province database reported an error (${code || 'no code'}); this publish changed nothing. Send this message to the province's database admin.`,
    details,
  );
}
