// Compiles only if the generated types describe what the frontend relies on (API.md).
import type { components, paths } from "./generated/rapport-api";

type Contact = paths["/api/v1/contacts/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type ContactPage = paths["/api/v1/contacts"]["get"]["responses"]["200"]["content"]["application/json"];
type Problem = components["schemas"][keyof components["schemas"]];

export function describe(contact: Contact): string {
  return `${contact.fullName ?? "(erased)"} <${contact.email ?? ""}> ${contact.status}`;
}

export function total(page: ContactPage): number {
  return page.total;
}

export type { Problem };
