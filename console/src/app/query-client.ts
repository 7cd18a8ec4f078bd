/** One TanStack Query client: server problems go to the shell's banner, 401s are not retried. */
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client.js";
import { noteServerOutcome } from "../hooks/use-server-problem.js";

/** A fresh query client for the app. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: noteServerOutcome, onSuccess: () => noteServerOutcome(null) }),
    mutationCache: new MutationCache({
      onError: noteServerOutcome,
      onSuccess: () => noteServerOutcome(null),
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}
