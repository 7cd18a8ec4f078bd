/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and an axe-core
 * accessibility check run inside the page.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.VIGIL_CHROMIUM ?? "/usr/bin/chromium";

/** How long a page action may wait: generous, because CI runs the browser beside the other tests. */
export const actionTimeoutMs = 20_000;

/** Starts headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** WCAG 2.1 A and AA violations on the current page, as axe-core reports them. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // A dialog or menu still fading in has half-mixed colours, which axe rightly finds too faint:
  // check what a person sees once the page is still (spinners run forever, so they don't count).
  await page.waitForFunction(() => {
    type Running = { playState: string; effect: { getTiming: () => { iterations: number } } | null };
    const doc = (globalThis as unknown as { document: { getAnimations: () => Running[] } }).document;
    return doc
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity,
      );
  });
  await page.addScriptTag({ content: axeSource });
  // This function runs inside the page, where axe-core has just been loaded as a global.
  return page.evaluate(async () => {
    type Axe = { run: (context: unknown, options: object) => Promise<{ violations: AxeViolation[] }> };
    const page = globalThis as unknown as { axe: Axe; document: unknown };
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    const result = await page.axe.run(page.document, { runOnly: { type: "tag", values: tags } });
    return result.violations;
  });
}
