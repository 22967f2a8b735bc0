"use client";

import { Alert } from "@omnify/ui";
import { Component, type ReactNode } from "react";

type Props = { pluginName: string; children: ReactNode };
type State = { error: Error | null };

/** Describes a slot failure the same way whether it failed to load or threw while rendering. */
export function SlotFailure({ pluginName, message }: { pluginName: string; message: string }) {
  return (
    <Alert tone="danger" data-testid="plugin-slot-error">
      {pluginName} failed to load: {message}
    </Alert>
  );
}

/** One per slot: a plugin that throws while rendering takes down only its own box. */
export class SlotErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return <SlotFailure pluginName={this.props.pluginName} message={this.state.error.message} />;
    }
    return this.props.children;
  }
}
