// The bundle's entry: every function Apps Script calls by name (manifest triggers and card
// actions). The build turns each export into a top-level function of build/Code.js.
export {
  onHomepage,
  onDocsHomepage,
  onSheetsHomepage,
  onDocsFileScopeGranted,
  onSheetsFileScopeGranted,
  onDriveHomepage,
  onDriveItemsSelected,
} from './handlers/triggers';
export {
  onRequestFileScope,
  onDeclare,
  onFinishFiling,
  onCreateRegister,
  onLinkRegister,
  onShowRegister,
  onReloadReferenceData,
} from './handlers/actions';
export {
  onGmailHomepage,
  onGmailMessage,
  onCaptureEmail,
  onFlagEmail,
  onRemoveFlag,
  onCaptureFlaggedNow,
  onToggleHourlyCapture,
  onCaptureSweep,
} from './handlers/gmail';
export { onVerifyAuditLog } from './handlers/audit';
export {
  onRefreshDashboard,
  onToggleDailyDashboard,
  onScheduledDashboardRefresh,
  onGenerateExcoReport,
  onToggleExcoSchedule,
  onScheduledExcoReport,
} from './handlers/performance';
export { onDeclareSuggested, onOpenSuggestedEmail, onFlagSuggestedEmail } from './handlers/nudges';
export { onOpenSearch, onFindRecord, onSearch, onSearchPage } from './handlers/search';
export {
  onRecordsTeamHome,
  onRefreshReviewQueue,
  onToggleDailyQueueRefresh,
  onScheduledQueueRefresh,
} from './handlers/records-team';
export {
  onOpenReview,
  onRecordDecision,
  onOpenSensitivityReview,
  onSaveSensitivityReview,
  onConfirmDestruction,
  onOpenHolds,
  onPlaceHold,
  onLiftHold,
} from './handlers/review';
export { doPost, doGet, onSaveRegisterService, onSyncProtections } from './handlers/web-app';
export { onOpenLessonForm, onRecordLesson } from './handlers/lessons';
export {
  onOpenTransfer,
  onBuildTransferPackage,
  onContinueTransferPackage,
  onMarkTransferred,
  onExportFilePlan,
} from './handlers/transfer';
export {
  onOpenLeaverSweep,
  onStartLeaverSweep,
  onContinueLeaverSweepNow,
  onContinueLeaverSweep,
  onDeclareLeaverFiles,
  onHandOverLeaverFiles,
} from './handlers/leaver';
