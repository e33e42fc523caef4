import type { Output } from '../../shared/api';

export type Progress = Output<'campaign.progress'>;
export type CommuneP = Progress['communes'][number];
/** The form 01 figures of a village, in the table's column order. */
export const FIGURES = ['households', 'forms_distributed', 'forms_returned', 'forms_with_info'] as const;
