import { Alert, Button } from "@omnify/ui";

type Props = { codes: string[]; onDone: () => void; continueTo: string | null };

/** The recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone, continueTo }: Props) {
  return (
    <Alert tone="success" title="Save your recovery codes">
      <div className="omnify-stack">
        <p>Each code signs you in once if you lose your phone. They will not be shown again.</p>
        <ul data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        {continueTo ? (
          <a href={continueTo}>I saved them, continue</a>
        ) : (
          <Button variant="secondary" onClick={onDone}>
            I saved them
          </Button>
        )}
      </div>
    </Alert>
  );
}
