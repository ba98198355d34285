// better-sqlite3 13 crashes on Node below 22.14: refuse clearly instead.
export function assertNodeVersion(versions: NodeJS.ProcessVersions = process.versions): void {
  if (versions.electron) return;
  const [major, minor] = versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 14)) {
    throw new Error(`法治台账需要 Node.js 22.14 以上（当前 ${versions.node}）。请先运行 npm install（它会安装项目自带的 Node 24），再用 npm run … 启动。`);
  }
}
