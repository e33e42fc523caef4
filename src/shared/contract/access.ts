// Who may call which method of the contract on the hall server (quytap serve --hall), enforced by
// the server before the dispatcher sees the call (src/main/http/hall-auth.ts). Typed over every
// method name, so a new method does not compile until it is placed here. Zod-free: the renderer may
// read it to hide what the person cannot do.
// - read:   every logged-in account.
// - write:  every logged-in account; what commune staff may change is decided row by row by the
//           store's write rules (src/main/review/write-rules.ts) from the session's account.
// - review: reviewers and administrators.
// - admin:  administrators only.
// - local:  nobody on the hall server: the hall serves one project with its accounts, fixed at
//           launch; choosing a name or switching project is for the single-user modes.
import type { MethodName } from '../api';
import type { Operator } from './common';

export type Access = 'read' | 'write' | 'review' | 'admin' | 'local';
type Rule = Access | ((input: unknown) => Access);

/** Submitting is the commune's act; returning, approving and unlocking are the reviewers'. */
const reviewAct = (input: unknown): Access => {
  const act = typeof input === 'object' && input !== null ? (input as { act?: unknown }).act : undefined;
  return act === 'submit' ? 'write' : 'review';
};

export const METHOD_ACCESS: Record<MethodName, Rule> = {
  'app.info': 'read',
  'session.setOperator': 'local',
  'crs.list': 'read',
  'project.list': 'local',
  'project.create': 'local',
  'project.open': 'local',
  'project.openDemo': 'local',
  'project.info': 'read',
  'project.updateSettings': 'admin',
  'project.backup': 'admin',
  'project.close': 'local',
  'project.handover': 'write',
  'features.query': 'read',
  'rows.get': 'read',
  'records.query': 'read',
  'links.of': 'read',
  'edits.apply': 'write',
  'edits.undo': 'write',
  'edits.redo': 'write',
  'edits.state': 'read',
  'history.of': 'read',
  'jobs.list': 'read',
  'jobs.cancel': 'write',
  'features.map': 'read',
  'attachments.upload': 'write',
  'attachments.download': 'read',
  'print.compose': 'read',
  'print.pdf': 'write',
  'cemetery.generatePlots': 'write',
  'cemetery.setGate': 'write',
  'cemetery.registerColumns': 'read',
  'cemetery.importRegister': 'write',
  'cemetery.search': 'read',
  'cemetery.locator': 'write',
  'print.layouts.list': 'read',
  'print.layouts.save': 'write',
  'print.layouts.delete': 'write',
  'exchange.files': 'read',
  'exchange.upload': 'write',
  'exchange.preview': 'read',
  'exchange.invalid': 'read',
  'exchange.import': 'write',
  'exchange.export': 'write',
  'exchange.packageExport': 'write',
  'exchange.packagePreview': 'write',
  'exchange.packageImport': 'write',
  'basemaps.list': 'read',
  'basemaps.uploadChunk': 'admin',
  'basemaps.inspect': 'admin',
  'basemaps.add': 'admin',
  'basemaps.update': 'admin',
  'basemaps.reorder': 'admin',
  'basemaps.remove': 'admin',
  'basemaps.online.set': 'admin',
  'review.run': 'read',
  // Sending the district's maps to the province is the district admin's act (their database login).
  'rollup.publish': 'admin',
  'review.lastRun': 'read',
  'review.overview': 'read',
  'review.act': reviewAct,
  'review.changesSince': 'read',
  'review.history': 'read',
  'review.comments': 'read',
  'review.comment.add': 'write',
  'review.comment.resolve': 'review',
  'review.statistics': 'read',
  'review.statisticsCsv': 'read',
  'review.statisticsPdf': 'read',
  'review.config': (input) =>
    typeof input === 'object' && input !== null && (input as { minGraveDistance?: unknown }).minGraveDistance !== undefined ? 'review' : 'read',
  // The campaign: every account follows it and prints its reports; the district sets the plan.
  'campaign.progress': 'read',
  'campaign.setPlan': 'review',
  'campaign.reportPdf': 'read',
  'campaign.reportDocx': 'read',
  'accounts.list': 'admin',
  'accounts.create': 'admin',
  'accounts.resetPassword': 'admin',
  'accounts.setDisabled': 'admin',
  // Who is drafting which commune: every logged-in account reports its own window and sees the others.
  'presence.set': 'read',
  'presence.list': 'read',
  // Verification queue: any account sends (staff for their own commune: the service checks the
  // row's commune) and sees the queue (staff: their commune's requests only); the district's
  // verification team (reviewers, administrators) takes up and decides.
  'verification.send': 'write',
  'verification.list': 'read',
  'verification.decide': 'review',
  // Practice (issue 20): the hall serves one project fixed at launch, so making and opening a
  // practice copy is for the single-user modes; a hall launched on a practice copy runs its lessons.
  'training.start': 'local',
  'training.state': 'read',
  'training.check': 'write',
  'training.goto': 'write',
};

/** The access a call needs (a rule that looks at the input sees it raw: it errs towards the stricter). */
export function accessOf(method: MethodName, input: unknown): Access {
  const rule = METHOD_ACCESS[method];
  return typeof rule === 'function' ? rule(input) : rule;
}

/** May this account make a call that needs `access`? */
export function allowed(op: Pick<Operator, 'role'>, access: Access): boolean {
  switch (access) {
    case 'read':
    case 'write':
      return true;
    case 'review':
      return op.role === 'reviewer' || op.role === 'admin';
    case 'admin':
      return op.role === 'admin';
    case 'local':
      return false;
  }
}
