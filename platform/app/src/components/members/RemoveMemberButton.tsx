"use client";

import { Button } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { useStepUp } from "../StepUpDialog";

type Props = { userId: string; name: string; onRemoved: () => void; onError: (m: string) => void };

/** Removes a member (their sessions end at once); asks to confirm it's you first. */
export function RemoveMemberButton({ userId, name, onRemoved, onError }: Props) {
  const trpc = useTRPC();
  const { guard, dialog } = useStepUp();
  const remove = useMutation(trpc.members.remove.mutationOptions());
  const onClick = () => {
    if (!window.confirm(`Remove ${name}? They are signed out everywhere in this workspace.`))
      return;
    void guard(() => remove.mutateAsync({ userId })).then(onRemoved, (e: unknown) =>
      onError(e instanceof Error ? e.message : "Could not remove this member"),
    );
  };
  return (
    <>
      {dialog}
      <Button variant="ghost" size="sm" onClick={onClick} loading={remove.isPending}>
        Remove
      </Button>
    </>
  );
}
