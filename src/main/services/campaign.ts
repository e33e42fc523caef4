// Handlers of the campaign methods (src/shared/contract/campaign.ts). The figures come from the one
// progress function (shared/campaign/coverage.ts) through report-data.ts; the plan is part of the
// project settings (audited like every settings change).
import { ApiError } from '../../shared/api-error';
import type { campaignMethods } from '../../shared/contract/campaign';
import { isReviewer } from '../../shared/review/state';
import { mapFigure } from '../campaign/map-figure';
import { progressOf, reportData } from '../campaign/report-data';
import { reportContent } from '../campaign/report-content';
import { reportDocx } from '../campaign/report-docx';
import { reportPdf } from '../campaign/report-pdf';
import type { ProjectStore } from '../store';
import type { HandlersFor, ServiceContext } from './context';

function content(store: ProjectStore, communeCode: string | null, withMap: boolean) {
  const data = reportData(store, communeCode);
  const figure = withMap ? mapFigure(store, communeCode) : null;
  return { content: reportContent(data, figure !== null), figure };
}

export function campaignHandlers(ctx: ServiceContext): HandlersFor<typeof campaignMethods> {
  return {
    'campaign.progress': ({ today }) => progressOf(ctx.need(), today),
    'campaign.setPlan': ({ targetPercent, deadlines }) => {
      const store = ctx.need();
      if (!isReviewer(ctx.operator()))
        throw new ApiError(
          'forbidden',
          'Chỉ cán bộ thẩm định của huyện (hoặc quản trị) mới đặt chỉ tiêu và thời hạn của kế hoạch. Hãy chọn đúng vai trò người dùng.',
          'Only district reviewers (or administrators) set the plan’s target and due dates. Choose the right user role.',
        );
      const now = store.getSettings().campaign;
      const next = { targetPercent: targetPercent ?? now.targetPercent, deadlines: { ...now.deadlines, ...deadlines } };
      const saved = store.updateSettings({ campaign: next }, ctx.author()).campaign;
      ctx.changed([], null);
      return saved;
    },
    'campaign.reportPdf': ({ communeCode, withMap }) => {
      const { content: c, figure } = content(ctx.need(), communeCode, withMap);
      return { fileName: `${c.fileStem}.pdf`, base64: Buffer.from(reportPdf(c, figure)).toString('base64') };
    },
    'campaign.reportDocx': async ({ communeCode, withMap }) => {
      const { content: c, figure } = content(ctx.need(), communeCode, withMap);
      return { fileName: `${c.fileStem}.docx`, base64: Buffer.from(await reportDocx(c, figure)).toString('base64') };
    },
  };
}
