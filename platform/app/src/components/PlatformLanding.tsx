import { Card } from "@omnify/ui";
import { CenteredPage } from "./CenteredPage";

/** The bare platform host: nothing tenant-specific, just where to go. */
export function PlatformLanding() {
  return (
    <CenteredPage>
      <Card headingLevel={1} title="Omnify">
        <p>The white-label marketing platform for agencies and their clients.</p>
        <p className="omnify-muted">
          To sign in, open your workspace's own address, for example{" "}
          <code>your-agency.localhost</code> or your agency's custom domain.
        </p>
      </Card>
    </CenteredPage>
  );
}
