/** What detection hands to the alert sink: one concerning event, explained. */

export interface AlertExplanation {
  libraryVersion: string;
  profile: string | null;
  /** Rule matches in the text: which rule, what it matched, the weight it carried. */
  matches: { ruleId: string; category: string; text: string; weight: number; severity: number }[];
  /** Per flagged category: score against threshold. */
  scores: { category: string; score: number; threshold: number }[];
  /** URL list hits and avoidance flags (a visit to an alert-category site, a proxy or VPN). */
  url: { category: string; source: string; list: string; matched: string; avoidance: string | null }[];
  /** The event's kind and, for a web visit, whether the filter allowed or blocked it. */
  eventKind: string;
  action: string | null;
}

export interface AlertSignal {
  schoolId: string;
  eventId: string;
  /** When it happened (the event's time), not when detection ran. */
  time: string;
  userName: string | null;
  device: string | null;
  ip: string | null;
  url: string | null;
  severity: number;
  categories: string[];
  /** Sorted, de-duplicated: the rule set that groups repeats. */
  ruleIds: string[];
  explanation: AlertExplanation;
  evidence: string | null;
  /** Who or what raised it. */
  createdBy: string;
}
