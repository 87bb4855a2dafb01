/** Every HTTP route of the platform server, for the server's registration and OpenAPI document and for clients. */
import * as accountRequests from './account-requests';
import * as accountRoles from './account-roles';
import * as auth from './auth';
import * as counterRegistration from './counter-registration';
import * as disbursement from './disbursement';
import * as elicence from './elicence';
import * as enterprise from './enterprise';
import * as files from './files';
import * as filing from './filing';
import * as recovery from './recovery';
import * as legacy from './legacy';
import * as preRegistration from './pre-registration';
import * as portal from './portal';
import * as registration from './registration';
import * as renewal from './renewal';
import type { HttpRoute } from './route';
import * as staff from './staff';
import * as staffKeys from './staff-keys';
import * as subsidy from './subsidy';
import * as system from './system';
import * as uploads from './uploads';

export * from './account-requests';
export * from './account-roles';
export * from './auth';
export * from './counter-registration';
export * from './disbursement';
export * from './elicence';
export * from './enterprise';
export * from './files';
export * from './filing';
export * from './recovery';
export * from './legacy';
export * from './pre-registration';
export * from './portal';
export * from './registration';
export * from './renewal';
export * from './route';
export * from './staff';
export * from './subsidy';
export * from './system';
export * from './uploads';

export const httpRoutes: readonly HttpRoute[] = [
  system.healthRoute,
  system.openApiRoute,
  portal.portalRoute,
  auth.captchaRoute,
  auth.loginRoute,
  auth.caChallengeRoute,
  auth.caLoginRoute,
  renewal.caRenewalConfirmRoute,
  auth.logoutRoute,
  auth.changePasswordRoute,
  auth.staffLoginRoute,
  auth.staffChangePasswordRoute,
  auth.whoAmIRoute,
  elicence.elicenceStartRoute,
  elicence.elicenceStateRoute,
  elicence.elicenceCallbackRoute,
  elicence.elicencePersonsRoute,
  uploads.createUploadTokenRoute,
  uploads.createUploadRoute,
  uploads.uploadOffsetRoute,
  uploads.appendUploadRoute,
  uploads.cancelUploadRoute,
  uploads.uploadedFileRoute,
  registration.registrationSubmitRoute,
  registration.registrationResendRoute,
  registration.registrationConfirmRoute,
  registration.registrationKeyCheckRoute,
  enterprise.getEnterpriseRoute,
  enterprise.listAccountsRoute,
  enterprise.createAccountRoute,
  enterprise.setPermissionsRoute,
  enterprise.resetAccountPasswordRoute,
  accountRoles.setAccountStatusRoute,
  accountRoles.removeAccountRoute,
  accountRoles.accountHistoryRoute,
  accountRoles.listAccountCertificatesRoute,
  accountRoles.bindAccountCertificateRoute,
  accountRoles.unbindAccountCertificateRoute,
  files.downloadFileRoute,
  staff.importRegistryRoute,
  staff.createStaffRoute,
  staff.smsOutboxRoute,
  staff.staffResetAdminRoute,
  staff.staffUploadRoute,
  staffKeys.staffKeyAccountsRoute,
  staffKeys.staffUnbindCertificateRoute,
  staffKeys.staffSetAccountStatusRoute,
  counterRegistration.counterRegistrationCheckRoute,
  counterRegistration.counterRegistrationCreateRoute,
  subsidy.listServiceItemsRoute,
  subsidy.createSubsidyDraftRoute,
  subsidy.listSubsidiesRoute,
  subsidy.getSubsidyRoute,
  subsidy.updateSubsidyDraftRoute,
  subsidy.submitSubsidyRoute,
  subsidy.withdrawSubsidyRoute,
  subsidy.subsidyTimelineRoute,
  subsidy.staffSubsidyQueueRoute,
  subsidy.staffGetSubsidyRoute,
  subsidy.staffSubsidyAuditRoute,
  subsidy.acceptSubsidyRoute,
  subsidy.returnSubsidyRoute,
  subsidy.approveSubsidyRoute,
  subsidy.rejectSubsidyRoute,
  subsidy.startSubsidyPublicityRoute,
  disbursement.staffOpenDisbursementRoute,
  disbursement.listDisbursementsRoute,
  disbursement.getDisbursementRoute,
  disbursement.setEmploymentCertificateRoute,
  disbursement.setDisbursementPayeeRoute,
  disbursement.receiptPdfRoute,
  disbursement.createReceiptLinkRoute,
  disbursement.getReceiptLinkRoute,
  disbursement.submitReceiptRoute,
  disbursement.listBankAccountsRoute,
  disbursement.createBankAccountRoute,
  disbursement.updateBankAccountRoute,
  disbursement.deleteBankAccountRoute,
  disbursement.listFinanceContactsRoute,
  disbursement.createFinanceContactRoute,
  disbursement.updateFinanceContactRoute,
  disbursement.deleteFinanceContactRoute,
  disbursement.phoneReceiptInfoRoute,
  disbursement.phoneUploadReceiptRoute,
  disbursement.staffDisbursementQueueRoute,
  disbursement.staffGetDisbursementRoute,
  disbursement.staffReceiptPdfRoute,
  disbursement.staffAcceptReceiptRoute,
  disbursement.staffReturnReceiptRoute,
  ...recovery.recoveryRoutes,
  legacy.importLegacyAccountsRoute,
  legacy.legacyLoginRoute,
  legacy.legacyMeRoute,
  legacy.legacyUpgradeRoute,
  legacy.legacyHistoryRoute,
  preRegistration.submitPreRegistrationRoute,
  preRegistration.viewPreRegistrationRoute,
  preRegistration.resubmitPreRegistrationRoute,
  preRegistration.staffPreRegistrationQueueRoute,
  preRegistration.staffGetPreRegistrationRoute,
  preRegistration.staffPreRegistrationFileRoute,
  preRegistration.approvePreRegistrationRoute,
  preRegistration.refusePreRegistrationRoute,
  accountRequests.submitAnonymousAccountRequestRoute,
  accountRequests.viewAnonymousAccountRequestRoute,
  accountRequests.resubmitAnonymousAccountRequestRoute,
  accountRequests.submitAccountRequestRoute,
  accountRequests.listAccountRequestsRoute,
  accountRequests.getAccountRequestRoute,
  accountRequests.resubmitAccountRequestRoute,
  accountRequests.staffAccountRequestQueueRoute,
  accountRequests.staffGetAccountRequestRoute,
  accountRequests.staffAccountRequestFileRoute,
  accountRequests.approveAccountRequestRoute,
  accountRequests.refuseAccountRequestRoute,
  filing.createFilingDraftRoute,
  filing.listFilingsRoute,
  filing.getFilingRoute,
  filing.updateFilingDraftRoute,
  filing.submitFilingRoute,
  filing.filingTimelineRoute,
  filing.staffFilingQueueRoute,
  filing.staffGetFilingRoute,
  filing.returnFilingRoute,
  filing.approveFilingRoute,
  filing.rejectFilingRoute,
  filing.pdfSigningDefaultsRoute,
];
