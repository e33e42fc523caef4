// Kept as a name only: the folding itself lives in shared/text/fold.ts (one place for all of it).
export { foldKey as foldVietnamese } from '../text/fold';
