/** A device's page (`/s/:schoolId/devices/:device`). */
import { useParams } from "react-router";
import { SubjectPage } from "../../components/subject-page.js";

/** The device page. */
export function DevicePage() {
  const { device = "" } = useParams();
  return <SubjectPage kind="device" name={device} />;
}
