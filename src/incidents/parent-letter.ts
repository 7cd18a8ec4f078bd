/**
 * The letter to parents or carers: a per-school template with {{placeholders}}, rendered to text
 * and to a PDF with pdf-lib. Unknown placeholders are refused, so a typo never reaches a parent.
 */
import { PDFDocument, StandardFonts } from "pdf-lib";
import { AppError } from "../platform/errors/app-error.js";

export const letterPlaceholders = [
  "parentName",
  "pupilName",
  "schoolName",
  "incidentDate",
  "summary",
  "senderName",
  "today",
] as const;
export type LetterValues = Record<(typeof letterPlaceholders)[number], string>;

export const defaultLetterTemplate = `Dear {{parentName}},

I am writing to let you know about an online-safety incident involving {{pupilName}} on {{incidentDate}}.

{{summary}}

We have dealt with this under the school's online-safety and behaviour policies. Please contact me if you would like to talk about it, or about keeping {{pupilName}} safe online at home.

Yours sincerely,

{{senderName}}
{{schoolName}}
{{today}}`;

/** The template with every placeholder filled; `validation_failed` names an unknown one. */
export function renderLetter(template: string, values: LetterValues): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_match, name: string) => {
    if (!(letterPlaceholders as readonly string[]).includes(name)) {
      throw new AppError(
        "validation_failed",
        `The letter template uses an unknown placeholder {{${name}}}.`,
        {
          hint: `Placeholders: ${letterPlaceholders.map((p) => `{{${p}}}`).join(", ")}.`,
        },
      );
    }
    return values[name as keyof LetterValues];
  });
}

/** Lays text (a letter, a case summary) out on A4 pages in Helvetica; returns the PDF bytes. */
export async function textPdf(text: string, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator("Vigil");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const margin = 56;
  const [width, height] = [595.28, 841.89];
  const maxWidth = width - 2 * margin;
  const lines = text
    .split("\n")
    .flatMap((paragraph) => wrap(paragraph, (s) => font.widthOfTextAtSize(s, size), maxWidth));
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  for (const line of lines) {
    if (y < margin) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
    page.drawText(toWinAnsi(line), { x: margin, y, size, font });
    y -= size * 1.5;
  }
  return pdf.save();
}

function wrap(paragraph: string, measure: (s: string) => number, maxWidth: number): string[] {
  if (paragraph.trim() === "") return [""];
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(toWinAnsi(candidate)) > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}

/** Helvetica's standard encoding covers Latin-1; other characters become "?" rather than failing. */
function toWinAnsi(text: string): string {
  return text.replace(
    /[^\u0020-\u007e\u00a0-\u00ff]/g,
    (c) =>
      ({ "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-" })[c] ??
      "?",
  );
}
