/**
 * Every page of the console, one line each.
 *
 * To add a page: write `scenes/<area>/<name>-page.tsx`, then add ONE line to `pages` below with
 * its path under `/s/:schoolId/`, the element, the ability it needs in that school (an action from
 * src/platform/authz/actions.ts), and `nav: "Label"` if it belongs in the main navigation. The
 * shell builds the navigation from this list and shows a person only the entries their abilities
 * in the selected school allow; a deep link to a page they may not see says so instead.
 */
import type { ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";
import type { Action } from "../../../src/platform/authz/actions.js";
import { ActivityPage } from "../scenes/activity/activity-page.js";
import { DashboardPage } from "../scenes/dashboard/dashboard-page.js";
import { DevicePage } from "../scenes/devices/device-page.js";
import { DirectoryPage } from "../scenes/directory/directory-page.js";
import { PupilsPage } from "../scenes/directory/pupils-page.js";
import { PupilPage } from "../scenes/people/pupil-page.js";
import { SearchPage } from "../scenes/search/search-page.js";
import { SettingsPage } from "../scenes/settings/settings-page.js";
import { NotificationContactsPage } from "../scenes/notifications/contacts-page.js";
import { NotificationDeliveriesPage } from "../scenes/notifications/deliveries-page.js";
import { EscalationPage } from "../scenes/notifications/escalation-page.js";
import { SignInPage } from "../scenes/sign-in/sign-in-page.js";
import { StaffPage } from "../scenes/users/staff-page.js";
import { MyAccountPage } from "../scenes/account/my-account-page.js";
import { AlertQueuePage } from "../scenes/alerts/alert-queue-page.js";
import { AlertPage } from "../scenes/alerts/alert-page.js";
import { RulePrecisionPage } from "../scenes/alerts/rule-precision-page.js";
import { IncidentLogPage } from "../scenes/incidents/incident-log-page.js";
import { IncidentPage } from "../scenes/incidents/incident-page.js";
import { ReportConcernPage } from "../scenes/incidents/report-concern-page.js";
import { AccessRequestsPage } from "../scenes/access/access-requests-page.js";
import { AccessReviewPage } from "../scenes/access/access-review-page.js";
import { NotFound } from "../components/not-found.js";
import { RequireAbility } from "../components/require-ability.js";
import { Home } from "./home.js";
import { Shell } from "./shell.js";

export interface PageDefinition {
  /** Path under `/s/:schoolId/`. */
  path: string;
  element: ReactNode;
  /** What the person must be allowed in the selected school to open the page. */
  ability: Action;
  /** Label in the main navigation; pages without one are reached by links (a pupil, a device). */
  nav?: string;
}

export const pages: PageDefinition[] = [
  { path: "dashboard", element: <DashboardPage />, ability: "school.read", nav: "Dashboard" },
  { path: "activity", element: <ActivityPage />, ability: "browsing.read", nav: "Activity" },
  { path: "search", element: <SearchPage />, ability: "school.read" },
  { path: "pupils/:pupil", element: <PupilPage />, ability: "school.read" },
  { path: "devices/:device", element: <DevicePage />, ability: "school.read" },
  { path: "alerts", element: <AlertQueuePage />, ability: "alerts.read", nav: "Alerts" },
  { path: "alerts/:alertId", element: <AlertPage />, ability: "alerts.read" },
  { path: "rule-precision", element: <RulePrecisionPage />, ability: "alerts.read", nav: "Rule precision" },
  { path: "incidents", element: <IncidentLogPage />, ability: "incidents.read", nav: "Incidents" },
  { path: "incidents/:incidentId", element: <IncidentPage />, ability: "incidents.read" },
  {
    path: "concerns/new",
    element: <ReportConcernPage />,
    ability: "concerns.report",
    nav: "Report a concern",
  },
  { path: "directory", element: <DirectoryPage />, ability: "directory.write", nav: "Directory" },
  { path: "directory/pupils", element: <PupilsPage />, ability: "directory.read", nav: "Pupils" },
  { path: "settings", element: <SettingsPage />, ability: "school.read", nav: "Settings" },
  { path: "staff", element: <StaffPage />, ability: "users.read", nav: "Staff" },
  { path: "account", element: <MyAccountPage />, ability: "school.read", nav: "My account" },
  {
    path: "notifications/escalation",
    element: <EscalationPage />,
    ability: "notifications.manage",
    nav: "Escalation",
  },
  {
    path: "notifications/contacts",
    element: <NotificationContactsPage />,
    ability: "notifications.manage",
    nav: "Notifications",
  },
  {
    path: "notifications/deliveries",
    element: <NotificationDeliveriesPage />,
    ability: "notifications.manage",
    nav: "Deliveries",
  },
  {
    path: "access/requests",
    element: <AccessRequestsPage />,
    ability: "access.request",
    nav: "Access requests",
  },
  { path: "access/review", element: <AccessReviewPage />, ability: "access.review", nav: "Access review" },
];

/** The router: sign-in, then every page inside the shell of the selected school. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/" element={<Home />} />
      <Route path="/s/:schoolId" element={<Shell />}>
        <Route index element={<Navigate to="dashboard" replace />} />
        {pages.map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={<RequireAbility ability={page.ability}>{page.element}</RequireAbility>}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
