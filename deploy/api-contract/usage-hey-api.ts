// Compiles only if the fetch client @hey-api/openapi-ts generates is right about what the API returns (API.md):
// the success body is the resource (never the problem), required fields are present, nullable ones say so.
import { createClient } from "./generated/hey-api/client";
import { getContactsById, getEngagements, postContacts } from "./generated/hey-api/sdk.gen";
import type { BusinessUnit, Contact, Engagement, ProblemDetail } from "./generated/hey-api/types.gen";

type Expect<T extends true> = T;
type Nullable<T, K extends keyof T> = null extends T[K] ? true : false;
type Required<T, K extends keyof T> = undefined extends T[K] ? false : true;
export type Checks = [
  Expect<Nullable<Contact, "fullName">>, Expect<Required<Contact, "fullName">>, Expect<Nullable<Contact, "owner">>,
  Expect<Nullable<BusinessUnit, "parentId">>, Expect<Required<BusinessUnit, "code">>,
  Expect<Nullable<Engagement, "endAt">>, Expect<Required<Engagement, "status">>, Expect<Required<ProblemDetail, "title">>,
];

const client = createClient({ baseUrl: "http://127.0.0.1:8080", headers: { Authorization: "Bearer <token>" } });

export async function contactName(id: string): Promise<string> {
  const { data, error } = await getContactsById({ client, path: { id } });
  if (error !== undefined) {
    const problem: ProblemDetail = error;
    return `${problem.status} ${problem.title}`;
  }
  const contact: Contact = data;
  return contact.fullName ?? "(erased)";
}

export async function openEngagementTitles(contactId: string): Promise<string[]> {
  const { data } = await getEngagements({ client, query: { contactId, page: 0, size: 50 } });
  return (data?.items ?? []).filter((e) => e.endAt === null || new Date(e.endAt) > new Date()).map((e) => e.title);
}

export async function create(unitId: string): Promise<string | undefined> {
  const { data } = await postContacts({ client, headers: { "Idempotency-Key": "usage-1" },
    body: { fullName: "Priya Shah", email: "priya.shah@example.com", businessUnitId: unitId, seniority: "MANAGER" } });
  return data?.id;
}
