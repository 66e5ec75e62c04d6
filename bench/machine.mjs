// machine.mjs: what the figures were measured on, for the report's header.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

const sh = (cmd, args, cwd) => {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
};

export function loadavg() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

/** Machine, versions and commit. */
export function machine(root, chromiumPath) {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  const npmVersion = (name) => {
    try {
      return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
    } catch {
      return "";
    }
  };
  return {
    cpus: os.availableParallelism(),
    nproc: sh("nproc", []),
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    os: `${/PRETTY_NAME="?([^"\n]*)/.exec(osRelease)?.[1] ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
    versions: {
      go: sh("go", ["version"]).replace(/^go version /, ""),
      node: process.version,
      chromium: chromiumPath ? sh(chromiumPath, ["--version"]) : "",
      ajv: npmVersion("ajv"),
      jsbarcode: npmVersion("jsbarcode"),
      "bwip-js": npmVersion("bwip-js"),
      "playwright-core": npmVersion("playwright-core"),
      esbuild: npmVersion("esbuild"),
    },
    commit: sh("git", ["rev-parse", "HEAD"], root),
    describe: sh("git", ["describe", "--always", "--dirty"], root),
    branch: sh("git", ["rev-parse", "--abbrev-ref", "HEAD"], root),
  };
}
