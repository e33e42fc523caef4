// Signature blocks' defaults, zod-free so the renderer can show them without the schemas.
export const SIGNATURE_ROLES = ['drawn_by', 'checked_by', 'approved_by'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export const DEFAULT_SIGNATURE_TITLES: Record<SignatureRole, string> = {
  drawn_by: 'Người lập',
  checked_by: 'Người kiểm tra',
  approved_by: 'Thủ trưởng đơn vị',
};

/** The line under a signature block's title: the approving authority stamps, the others write their name. */
export function signatureNote(s: { role?: string; note?: string }): string {
  return s.note?.trim() || (s.role === 'approved_by' ? '(Ký, đóng dấu)' : '(Ký, ghi rõ họ tên)');
}
