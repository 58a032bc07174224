/**
 * The JSON the tab's API answers with: the one contract between bot/tab (server) and tab/src (page).
 * Types only, so the page's bundle takes nothing else from the server.
 */

/** GET /api/tab/config: how the page should sign in. */
export interface TabConfig {
  readonly mode: 'entra' | 'local';
  /** The bot's app id, for deep links to the chat; absent in local mode. */
  readonly botAppId: string | null;
  readonly botName: string;
  /** Local mode only: the demo directory's people to pick from. */
  readonly demoUsers: readonly DemoUser[];
}

export interface DemoUser {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly tenantName: string;
  readonly roles: string;
}

/** GET /api/tab/me */
export interface TabMe {
  readonly name: string;
  readonly tenantName: string;
  readonly side: 'partner' | 'customer';
  readonly roles: readonly string[];
}

/** Something the person may do from a row: run a use case through the API, or continue in the chat. */
export type RowAction =
  | { readonly kind: 'api'; readonly label: string; readonly change: 'lock' | 'autoExtendOn' | 'autoExtendOff' | 'check' }
  | { readonly kind: 'chat'; readonly label: string; readonly command: string }
  | { readonly kind: 'link'; readonly label: string; readonly url: string };

export interface GroupAssignmentRow {
  readonly groupName: string;
  readonly roles: readonly string[];
}

/** One relationship of the partner, as the partner view's table shows it. */
export interface PartnerRelationshipRow {
  readonly kind: 'gdap' | 'reseller';
  readonly id: string;
  readonly version: string;
  readonly customerName: string;
  readonly name: string;
  readonly type: 'GDAP' | 'Reseller' | 'Reseller + DAP';
  /** The domain's display status (`expiring` = 30 days or less left), or the reseller status. */
  readonly status: string;
  readonly statusText: string;
  readonly roles: readonly string[];
  readonly groups: readonly GroupAssignmentRow[];
  readonly startDateTime: string | null;
  readonly endDateTime: string | null;
  readonly daysLeft: number | null;
  readonly autoExtend: boolean | null;
  readonly mcaAccepted: boolean;
  readonly requestedBy: string;
  readonly approvedBy: string | null;
  readonly actions: readonly RowAction[];
}

/** The orders and status filters of the partner's list (server-side; the page sends them as query parameters). */
export type PartnerSort = 'customer' | 'name' | 'type' | 'status' | 'end' | 'daysLeft';
export type PartnerStatusFilter = 'all' | 'active' | 'expiring' | 'approvalPending' | 'created' | 'invited' | 'ended';

/**
 * GET /api/tab/partner/relationships?sort=&desc=1&status=&customer=&within=&after=&limit= : one page of the partner's
 * relationships, sorted and filtered on the server. `after` is the `next` of the page before.
 */
export interface PartnerRelationships {
  readonly partnerName: string;
  readonly now: string;
  readonly rows: readonly PartnerRelationshipRow[];
  /** What this person can start, for the empty table: worded for their role (a Helpdesk agent is not told to invite). */
  readonly startHint: string;
  /** All the partner's relationships. */
  readonly total: number;
  /** How many match the filters, when the server can tell without reading them all; null otherwise. */
  readonly matching: number | null;
  /** Pass as `after` for the next page; null on the last. */
  readonly next: string | null;
}

export interface CustomerRelationshipLine {
  readonly kind: 'gdap' | 'reseller';
  readonly name: string;
  readonly statusText: string;
  readonly roles: readonly string[];
  readonly acceptedBy: string | null;
  readonly acceptedDateTime: string | null;
  readonly endDateTime: string | null;
  readonly daysLeft: number | null;
}

/** One partner of the customer, as the customer view shows it. */
export interface CustomerPartnerRow {
  readonly partnerTenantId: string;
  readonly partnerName: string;
  readonly types: readonly string[];
  readonly hasAdminRoles: boolean;
  readonly roles: readonly string[];
  readonly relationships: readonly CustomerRelationshipLine[];
  readonly canRemoveRoles: boolean;
}

/** GET /api/tab/customer/partners */
export interface CustomerPartners {
  readonly customerName: string;
  readonly agreement:
    | { readonly accepted: false }
    | { readonly accepted: true; readonly version: string; readonly acceptedBy: string; readonly acceptedDateTime: string };
  readonly rows: readonly CustomerPartnerRow[];
  /** Who can accept the agreement, worded for this person (they can, or who can). */
  readonly agreementHint: string;
}

/** GET /api/tab/customer/partners/:partnerTenantId/remove-roles: what the confirmation says. */
export interface RemoveRolesPreview {
  readonly partnerName: string;
  readonly question: string;
  readonly changes: readonly string[];
  readonly stays: readonly string[];
  /** Graph mode: the removal is done in the Microsoft 365 admin center, on this page (no "Yes" here); null in embedded mode. */
  readonly adminCenterUrl: string | null;
  /** What this preview lists as changing (ids and versions): the confirmation sends it back and acts only if it still holds. */
  readonly shown: readonly { readonly kind: 'reseller' | 'gdap'; readonly id: string; readonly version: string }[];
}

/** POST …/remove-roles: what happened, in the use case's own words. */
export interface RemoveRolesResult {
  readonly summary: string;
  readonly lost: readonly string[];
  readonly remains: readonly string[];
}

/** Every refusal: a short reason and nothing else. */
export interface TabError {
  readonly error: string;
}

/**
 * 202 Accepted (graph mode): a change accepted and kept, that Microsoft has not confirmed yet; it is finished in the
 * background and the person is told in the bot's chat. `message` says what is pending, `whenDone` where to see it done.
 */
export interface TabPending {
  readonly pending: true;
  readonly message: string;
  readonly whenDone: string;
}

/** POST /api/tab/partner/gdap/:id/:change: done (200, the relationship's status now) or accepted and pending (202). */
export type GdapChangeAnswer = { readonly statusText: string } | TabPending;

/** One posture finding, as the partner view's posture table shows it. */
export interface PostureFindingRow {
  readonly kind: string;
  readonly kindText: string;
  readonly customerName: string;
  readonly relationshipName: string | null;
  readonly text: string;
  readonly fixTitle: string;
  /** The chat task that fixes it ("assign groups for …", "dap to gdap"). */
  readonly fixCommand: string;
}

/** GET /api/tab/partner/posture (Admin agents): the findings now, and the counts of each day checked. */
export interface PartnerPosture {
  readonly checkedDateTime: string;
  readonly kinds: readonly { readonly kind: string; readonly label: string; readonly count: number }[];
  readonly findings: readonly PostureFindingRow[];
  readonly history: readonly { readonly day: string; readonly counts: Readonly<Record<string, number>> }[];
}

/** One DAP → GDAP campaign, with where each customer stands. */
export interface CampaignSummary {
  readonly id: string;
  readonly name: string;
  readonly templateName: string;
  readonly createdDateTime: string;
  readonly total: number;
  readonly counts: readonly { readonly label: string; readonly value: number }[];
  readonly rows: readonly { readonly customerName: string; readonly relationshipName: string; readonly statusText: string }[];
}

/** GET /api/tab/partner/campaigns (Admin agents): started campaigns, newest first. */
export interface PartnerCampaigns {
  readonly campaigns: readonly CampaignSummary[];
}
