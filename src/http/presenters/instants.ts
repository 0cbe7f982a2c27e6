/** An instant on the wire: ISO-8601 in UTC. */
export const iso = (d: Date) => d.toISOString();
