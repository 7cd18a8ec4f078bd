/** Shows a page only to people allowed its ability in the selected school. */
import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import type { Action } from "../../../src/platform/authz/actions.js";
import { useSchool } from "../hooks/use-school.js";

/** `children`, or a clear refusal naming what is missing. */
export function RequireAbility({ ability, children }: { ability: Action; children: ReactNode }) {
  const { can, school } = useSchool();
  if (can(ability)) return children;
  return (
    <Alert color="red" title="Not available to you" role="alert">
      {school
        ? `Your roles in ${school.name} do not include this page (it needs "${ability}"). Ask your administrator if you need it.`
        : "You are not a member of this school. Choose one of your schools from the menu."}
    </Alert>
  );
}
