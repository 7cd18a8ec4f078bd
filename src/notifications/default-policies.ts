/**
 * Starting policies a school can install and then adjust. Grooming has no category of its own in
 * the phrase library: it is detected as `sexual`, so that category goes to the DSL at once.
 */
import { PolicyInputSchema, type PolicyInput } from "../contracts/notification.contract.js";

export interface TemplateContacts {
  /** Designated safeguarding lead. */
  dsl: string;
  deputy?: string | undefined;
  networkManager?: string | undefined;
  /** The head teacher: told at once of anything about a member of staff. */
  head?: string | undefined;
}

/** The default policies for the given contacts (a template is left out when its first contact is missing). */
export function defaultPolicyTemplates(contacts: TemplateContacts): PolicyInput[] {
  const dslChain = [contacts.dsl, ...(contacts.deputy ? [contacts.deputy] : [])];
  const templates: unknown[] = [
    {
      name: "Self-harm and grooming, severity 4+: DSL at once, day or night",
      categories: ["self-harm", "sexual"],
      minSeverity: 4,
      atOnce: true,
      chain: dslChain,
      deadlines: { "4": 30, "5": 15 },
    },
    {
      name: "Extremism, violence and hate, severity 3+: DSL in working hours",
      categories: ["extremism", "violence", "hate"],
      minSeverity: 3,
      chain: dslChain,
    },
  ];
  if (contacts.head) {
    // Concerns about staff go to the head (allegations against staff are the head's to manage),
    // whatever the category or severity, day or night.
    templates.push({
      name: "Anything about a member of staff: the head, at once",
      aboutStaff: true,
      minSeverity: 1,
      atOnce: true,
      chain: [contacts.head],
    });
  }
  if (contacts.networkManager) {
    templates.push({
      name: "Network misuse and filter avoidance: network manager",
      categories: ["proxy-hacking"],
      minSeverity: 1,
      chain: [contacts.networkManager, contacts.dsl],
    });
  }
  return templates.map((template) => PolicyInputSchema.parse(template));
}
