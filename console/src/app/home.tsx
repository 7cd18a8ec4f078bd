/** `/`: sends the person to their first school's dashboard, or to sign in. */
import { Center, Loader } from "@mantine/core";
import { Navigate } from "react-router";
import { needsSecondFactor } from "../hooks/second-factor.js";
import { useMe } from "../hooks/use-me.js";
import { NoSchools } from "../components/no-schools.js";

/** Redirects once `/api/v1/me` has answered. */
export function Home() {
  const { data, error } = useMe();
  if (error) return <Navigate to="/sign-in" replace />;
  if (!data) {
    return (
      <Center h="50vh">
        <Loader aria-label="Loading Vigil" />
      </Center>
    );
  }
  if (needsSecondFactor(data.secondFactor)) return <Navigate to="/sign-in" replace />;
  const first = data.schools[0];
  if (!first) return <NoSchools />;
  return <Navigate to={`/s/${first.schoolId}/dashboard`} replace />;
}
