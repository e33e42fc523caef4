// "X was returned: n comments not settled": shown to everyone looking at a returned commune; a click
// opens the comments.
import { useReviewT } from './dict';

export function ReturnedBanner({ commune, open, onClick }: { commune: string; open: number; onClick: () => void }) {
  const r = useReviewT();
  return (
    <div className="review-banner" data-testid="review-returned-banner" onClick={onClick}>
      {r('returned.banner', { commune, n: open })}
    </div>
  );
}
