// A padlock drawn, not an emoji: machines without an emoji font show "🔒" as an empty box.
export function LockIcon({ size = 11 }: { size?: number }) {
  return (
    <svg className="lock-icon" width={size} height={size} viewBox="0 0 12 12" aria-hidden="true">
      <path d="M3.5 5V3.6a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="2" y="5" width="8" height="6.2" rx="1.2" fill="currentColor" />
    </svg>
  );
}
