// Compiles only if the types openapi-typescript generates describe what the frontend relies on (API.md):
// every field a response always has is required, and the ones that can be null say so.
import type { components, paths } from "./generated/rapport-api";

type Schemas = components["schemas"];
type Contact = paths["/api/v1/contacts/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type ContactPage = paths["/api/v1/contacts"]["get"]["responses"]["200"]["content"]["application/json"];
type RolePage = paths["/api/v1/contacts/{contactId}/stakeholder-roles"]["get"]["responses"]["200"]["content"]["application/json"];
type Engagement = paths["/api/v1/engagements/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type EngagementPage = paths["/api/v1/engagements"]["get"]["responses"]["200"]["content"]["application/json"];
type ForumPage = paths["/api/v1/forums"]["get"]["responses"]["200"]["content"]["application/json"];
type Problem = Schemas["ProblemDetail"];

// ---- type-level checks: a wrong document makes these lines fail to compile
type Expect<T extends true> = T;
type Nullable<T, K extends keyof T> = null extends T[K] ? true : false;
type Required<T, K extends keyof T> = undefined extends T[K] ? false : true;
type NotNull<T, K extends keyof T> = null extends T[K] ? false : true;
export type Checks = [
  Expect<Nullable<Contact, "fullName">>, Expect<Nullable<Contact, "email">>, Expect<Nullable<Contact, "owner">>,
  Expect<Nullable<Contact, "seniority">>, Expect<Required<Contact, "fullName">>, Expect<NotNull<Contact, "id">>,
  Expect<Required<Contact, "status">>, Expect<NotNull<Contact, "status">>,
  Expect<Nullable<Schemas["BusinessUnit"], "parentId">>, Expect<Required<Schemas["BusinessUnit"], "parentId">>,
  Expect<Nullable<Engagement, "endAt">>, Expect<Nullable<Engagement, "sentiment">>, Expect<Nullable<Engagement, "lead">>,
  Expect<Nullable<Engagement, "forumId">>, Expect<NotNull<Engagement, "startAt">>, Expect<Required<Engagement, "participants">>,
  Expect<Required<RolePage, "items">>, Expect<Required<EngagementPage, "total">>, Expect<Required<ForumPage, "items">>,
  Expect<Required<Problem, "status">>, Expect<Required<Problem, "detail">>,
];

// ---- what a screen does with them
export function describe(contact: Contact): string {
  const owner = contact.owner === null ? "no owner" : `${contact.owner.name} <${contact.owner.email}>`;
  return `${contact.fullName ?? "(erased)"} <${contact.email ?? ""}> ${contact.status}, ${owner}`;
}

export function total(page: ContactPage): number {
  return page.total;
}

export function roleCodes(page: RolePage): string[] {
  return page.items.map((r) => `${r.projectCode} ${r.endDate ?? "open-ended"}`);
}

export function engagementLine(e: Engagement): string {
  const end = e.endAt === null ? "ongoing" : new Date(e.endAt).toISOString();
  const sentiment = e.sentiment === null ? "-" : `${e.sentiment}/5`;
  return `${e.type} ${e.title} until ${end}, sentiment ${sentiment}, ${e.participants.length} participants`;
}

export type { Problem };
