/** The signed-in person, their schools and abilities (GET /api/v1/me), shared by every page. */
import { useQuery } from "@tanstack/react-query";
import { authApi } from "../api/auth.js";

export const meQueryKey = ["me"] as const;

/** The `/api/v1/me` query; a 401 leaves `data` undefined and `error` set. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: () => authApi.me(), retry: false, staleTime: 60_000 });
}
