/**
 * The school the page is about, from the URL (`/s/:schoolId/...`) so deep links and reloads keep
 * it, with the signed-in person's abilities there.
 */
import { useParams } from "react-router";
import type { Action } from "../../../src/platform/authz/actions.js";
import type { MeResponse } from "../../../src/contracts/identity.contract.js";
import { useMe } from "./use-me.js";

export type SchoolMembership = MeResponse["schools"][number];

export interface CurrentSchool {
  schoolId: string;
  school: SchoolMembership | undefined;
  can: (action: Action) => boolean;
}

/** The current school and an ability check for it. */
export function useSchool(): CurrentSchool {
  const { schoolId = "" } = useParams();
  const { data } = useMe();
  const school = data?.schools.find((entry) => entry.schoolId === schoolId);
  return {
    schoolId,
    school,
    can: (action) => school?.abilities.includes(action) ?? false,
  };
}
