// What the bench reads about a process from /proc (Linux), the same way for a Node gateway and a native
// one: CPU time and peak resident memory. Also free ports and whether Redis answers.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import net from "node:net";

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat. */
export function parseCpuTicks(stat: string): number {
  // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ")"
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unexpected /proc stat line: ${stat}`);
  return utime + stime;
}

/** A "Vm…:  1234 kB" field of /proc/<pid>/status, in kB; null when absent. */
export function parseStatusKb(status: string, field: "VmHWM" | "VmRSS"): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  return match ? Number(match[1]) : null;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system, all threads) the process has used so far, in ms. */
export function cpuMs(pid: number): number {
  return (parseCpuTicks(readFileSync(`/proc/${pid}/stat`, "utf8")) * 1000) / clockTicks();
}

/** The process's peak resident memory so far, in MB; null when it is gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = parseStatusKb(readFileSync(`/proc/${pid}/status`, "utf8"), "VmHWM");
    return kb === null ? null : kb / 1024;
  } catch {
    return null;
  }
}

/** The process and all its descendants (e.g. npm → sh → node). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    let children: string[] = [];
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        children = children.concat(
          readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8").split(" ").filter(Boolean),
        );
      }
    } catch {
      // gone meanwhile
    }
    tree.push(...children.map(Number));
  }
  return tree;
}

/** Ports free on 127.0.0.1 right now (held together, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Whether a Redis server answers PING at the URL within a second. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
