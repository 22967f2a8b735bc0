import { createSocket } from "node:dgram";
import dnsPacket from "dns-packet";

const NXDOMAIN = 3;
const SERVFAIL = 2;

/**
 * A tiny authoritative DNS server on 127.0.0.1 (random UDP port) whose TXT and CNAME
 * records the test sets. Real packets over a real socket: the code under test uses
 * node:dns's Resolver pointed at `servers`, exactly as production uses the system's.
 */
export type LoopbackDns = {
  servers: string[];
  setTxt(name: string, values: string[]): void;
  setCname(name: string, target: string): void;
  /** Every query for this name answers SERVFAIL (a broken upstream). */
  fail(name: string): void;
  clear(name: string): void;
  close(): Promise<void>;
};

export async function startLoopbackDns(): Promise<LoopbackDns> {
  const txt = new Map<string, string[]>();
  const cname = new Map<string, string>();
  const failing = new Set<string>();
  const socket = createSocket("udp4");

  socket.on("message", (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    const answers: dnsPacket.Answer[] = [];
    if (question.type === "TXT" && txt.has(name)) {
      for (const value of txt.get(name) ?? []) {
        answers.push({ type: "TXT", name: question.name, ttl: 1, data: value });
      }
    }
    if (question.type === "CNAME" && cname.has(name)) {
      answers.push({ type: "CNAME", name: question.name, ttl: 1, data: cname.get(name) ?? "" });
    }
    const known = txt.has(name) || cname.has(name);
    // NXDOMAIN for unknown names, NOERROR without answers (NODATA) for other record types.
    const rcode = failing.has(name) ? SERVFAIL : known ? 0 : NXDOMAIN;
    const response = dnsPacket.encode({
      type: "response",
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED | rcode,
      questions: [question],
      answers: rcode === 0 ? answers : [],
    });
    socket.send(response, peer.port, peer.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  return {
    servers: [`127.0.0.1:${port}`],
    setTxt: (name, values) => txt.set(name.toLowerCase(), values),
    setCname: (name, target) => cname.set(name.toLowerCase(), target),
    fail: (name) => failing.add(name.toLowerCase()),
    clear(name) {
      txt.delete(name.toLowerCase());
      cname.delete(name.toLowerCase());
      failing.delete(name.toLowerCase());
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
