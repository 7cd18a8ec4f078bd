/** A page's heading, which also names the browser tab. */
import { Title } from "@mantine/core";
import { useEffect } from "react";

/** The page's one h1; the document title follows it. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Vigil`;
  }, [children]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
