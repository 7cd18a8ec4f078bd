/** A pupil's page (`/s/:schoolId/pupils/:pupil`). */
import { useParams } from "react-router";
import { SubjectPage } from "../../components/subject-page.js";

/** The pupil page. */
export function PupilPage() {
  const { pupil = "" } = useParams();
  return <SubjectPage kind="pupil" name={pupil} />;
}
