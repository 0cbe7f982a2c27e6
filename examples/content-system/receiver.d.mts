/** Types of the reference receiver (receiver.mjs), for the tests that start it. */
export type ReceivedEnforcementCall = {
  id: string;
  type?: string;
  data?: unknown;
  verified: boolean;
  status: number;
  repeat?: boolean;
};
export type ContentSystemReceiver = {
  port: number;
  url: string;
  /** Per item id: its state in the content system now. */
  store: Map<
    string,
    { target: string | null; state: 'removed' | 'restricted' | 'visible'; countries: string[] | null; at: string }
  >;
  calls: ReceivedEnforcementCall[];
  confirmations: { actionId: string; status: number }[];
  failNext(n: number): void;
  close(): Promise<void>;
};
export function startReceiver(options: {
  port?: number;
  host?: string;
  secret: string;
  writUrl: string;
  failFirst?: number;
  refuse?: boolean;
  log?: (line: string) => void;
}): Promise<ContentSystemReceiver>;
