/** Evidence: adding an item, viewing it (with a reason), approving a view, marking suspected CSAM. */
import { z } from "zod";

export const evidenceMediaTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
] as const;

const reason = z.string({ error: "a reason is required" }).trim().min(3, "say why, in a few words").max(500);

export const EvidenceCreateSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("url"),
      url: z.url({ protocol: /^https?$/, error: "url must be an http:// or https:// URL" }),
      label: z.string().trim().max(200).optional(),
    }),
    z.object({
      kind: z.literal("text"),
      text: z.string({ error: "text is required" }).min(1, "text is required").max(100_000),
      label: z.string().trim().max(200).optional(),
    }),
    z.object({
      kind: z.enum(["screenshot", "file"]),
      mediaType: z.enum(evidenceMediaTypes, {
        error: `mediaType must be one of ${evidenceMediaTypes.join(", ")}`,
      }),
      contentBase64: z
        .base64({ error: "contentBase64 must be the file in base64" })
        .min(1, "contentBase64 is required"),
      label: z.string().trim().max(200).optional(),
      graphic: z.boolean().default(false),
      sensitive: z.boolean().default(false),
    }),
  ],
  { error: "kind must be url, text, screenshot or file" },
);
export type EvidenceCreate = z.infer<typeof EvidenceCreateSchema>;

export const EvidenceViewSchema = z.object({ reason });
export const EvidenceApproveSchema = z.object({ reason });
export const EvidenceCsamSchema = z.object({
  policeReference: z.string().trim().max(200).optional(),
  note: z.string().trim().min(3, "say what was seen, without describing the image").max(2_000),
});
