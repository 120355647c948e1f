/** Answers the bench's "usage" messages with this process's CPU time and peak memory. */
export function reportUsage(): void {
  process.on("message", (message: { type: string }) => {
    if (message.type !== "usage") return;
    const cpu = process.cpuUsage();
    process.send!({ type: "usage", cpuMicros: cpu.user + cpu.system, maxRssKb: process.resourceUsage().maxRSS });
  });
}
