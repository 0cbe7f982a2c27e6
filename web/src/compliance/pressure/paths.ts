/** The address of one pressure event's page (src/contracts/pages.ts declares `pressure` and `pressureEvent`). */
export const pressureEventPath = (id: string) => `/compliance/pressure/${encodeURIComponent(id)}`;
