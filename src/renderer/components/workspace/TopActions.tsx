// Other features (print, exchange, review…) put their one top-bar button in here.
import type { RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../../shared/api';
import { CampaignButton } from '../../campaign/CampaignButton';
import { CemeteryButton } from '../../cemetery/CemeteryButton';
import { ExchangeButton } from '../../exchange/ExchangeButton';
import type { MapController } from '../../map/MapController';
import { PrintButton } from '../../print/PrintButton';
import { ReviewButton } from '../../review/ReviewButton';
import { HelpButton } from '../../training/HelpPanel';
import { VerificationButton } from '../../verification/VerificationButton';
import { HandoverButton } from '../HandoverDialog';
import { SettingsButton } from '../SettingsDialog';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  ctl: RefObject<MapController | null>;
  onInfo: (info: ProjectInfo) => void;
}

export function TopActions({ info, operator, ctl, onInfo }: Props) {
  return (
    <div className="top-actions" data-testid="top-actions">
      <PrintButton info={info} />
      <ExchangeButton info={info} />
      <ReviewButton info={info} operator={operator} ctl={ctl} />
      <VerificationButton info={info} operator={operator} />
      <CemeteryButton info={info} ctl={ctl} />
      <CampaignButton info={info} operator={operator} />
      <HandoverButton info={info} />
      <SettingsButton info={info} onInfo={onInfo} />
      <HelpButton />
    </div>
  );
}
