// The workspace's top bar: the project's name and CRS, every feature's button, the operator, the
// language and closing the project.
import type { RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../../shared/api';
import { useI18n } from '../../i18n';
import type { MapController } from '../../map/MapController';
import { LangSwitch } from '../LangSwitch';
import { TopActions } from './TopActions';
import { useCloseProject } from './useCloseProject';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  ctl: RefObject<MapController | null>;
  onInfo: (info: ProjectInfo) => void;
  onChangeOperator: () => void;
  onClose: () => void;
}

export function TopBar({ info, operator, ctl, onInfo, onChangeOperator, onClose }: Props) {
  const { t, pick } = useI18n();
  return (
    <header className="top-bar" data-testid="top-bar">
      <div className="brand brand-small">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="project-title" title={info.path} data-testid="project-title">
        {info.settings.title}
        {info.settings.demo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
      </div>
      <div className="top-crs" title={`${info.crs.code}\n${info.crs.proj4}`} data-testid="project-crs">
        <span className="muted">{t('top.crs')}:</span> {pick({ vi: info.crs.name, en: info.crs.nameEn })}
      </div>
      <div className="top-spacer" />
      <TopActions info={info} operator={operator} ctl={ctl} onInfo={onInfo} />
      <button className="top-btn" onClick={onChangeOperator} title={t('operator.change')} data-testid="operator-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <circle cx="6" cy="3.6" r="2.6" fill="currentColor" />
          <path d="M1 11.5c0-3 2.2-4.6 5-4.6s5 1.6 5 4.6z" fill="currentColor" />
        </svg>{' '}
        {operator?.name ?? t('operator.none')}
      </button>
      <LangSwitch />
      <CloseButton onClose={onClose} />
    </header>
  );
}

/**
 * Main closes the file (every edit checkpointed into the .gpkg, the lock released) before the start
 * screen shows: a project copied right after "Đóng dự án" is complete.
 */
function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useCloseProject(onClose);
  return (
    <button className="top-btn" onClick={close} data-testid="close-project">
      {t('top.close')}
    </button>
  );
}
