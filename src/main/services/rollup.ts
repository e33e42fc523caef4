// Handler of "Gửi lên tỉnh" (rollup.publish): the publish runs as a job (progress, cancel); the
// password is handed to the connection and forgotten with the job. See src/main/rollup/publish.ts.
import type { ServiceContext, HandlersFor } from './context';
import type { rollupMethods } from '../../shared/contract/rollup';
import { publish, type PublishResult } from '../rollup/publish';

const PHASE = { connect: 'Đang kết nối…', read: 'Đang đọc dự án…', send: 'Đang gửi…', commit: 'Đang ghi…' } as const;

/** The result as one sentence for the dialog. */
export function publishSentence(r: PublishResult): string {
  const communes = r.communes.map((c) => c.name).join(', ') || 'không xã nào';
  if (r.mode === 'unchanged') return `Cơ sở dữ liệu tỉnh đã khớp với dự án, không có gì mới để gửi (${communes}).`;
  return `Đã gửi lên tỉnh: ${r.sent} dòng mới hoặc đã sửa, ${r.tombstones} dòng rút lại, của ${r.communes.length} xã (${communes}), trong ${(r.ms / 1000).toFixed(1)} giây.`;
}

export function rollupHandlers(ctx: ServiceContext): HandlersFor<typeof rollupMethods> {
  return {
    'rollup.publish': ({ url, password, allStates, district }) => {
      const store = ctx.need();
      const author = ctx.author();
      const job = ctx.jobs.start(
        'rollup.publish',
        async (progress, signal) => {
          const r = await publish(store, {
            url,
            password: password || null,
            allStates,
            district: district ? { code: district.code, name: district.name || district.code } : null,
            author,
            signal,
            onProgress: (p) => progress(p.done, p.total, PHASE[p.phase]),
          });
          progress(r.sent + r.tombstones, r.sent + r.tombstones, publishSentence(r));
          return r;
        },
        { message: PHASE.connect },
      );
      return { job: job.job };
    },
  };
}
