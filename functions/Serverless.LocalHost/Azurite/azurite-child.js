// Runs Azurite as a child that ends with its parent. The parent holds our stdin open; when the parent goes away
// (even by SIGKILL) stdin closes, and we stop Azurite the graceful way, so no orphan keeps the ports or the data.
const azuriteMain = process.argv[2];
process.argv.splice(2, 1);
process.stdin.on("close", () => process.kill(process.pid, "SIGTERM"));
process.stdin.resume();
require(azuriteMain);
