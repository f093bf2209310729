// Runs Azurite as a child that ends with its parent, and only after it: Azurite keeps its stores in memory and
// saves them every 5 s and when it closes, so closing properly is what keeps the last seconds of acknowledged writes.
const azuriteMain = process.argv[2];
process.argv.splice(2, 1);

// Our stdout and stderr are pipes the parent reads. When the parent dies first (a crash, SIGKILL), Azurite's
// "…is closing" line meets a broken pipe; unhandled, that EPIPE kills this process before it saves its stores.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", () => {});
}

// Ctrl+C (SIGINT) and a service manager's SIGTERM reach the whole process group, this child included. The parent
// stops the engine and the web host first, then us by closing our stdin; Azurite must not close under them.
// Azurite installs its own once-handlers for both signals when it has started, so those are kept from it.
const ignoredSignals = new Set(["SIGINT", "SIGTERM"]);
const once = process.once.bind(process);
process.once = (event, listener) => (ignoredSignals.has(event) ? process : once(event, listener));
for (const signal of ignoredSignals) {
  process.on(signal, () => {});
}

// The parent holds our stdin open; when it goes away (even by SIGKILL) stdin closes, and we ask Azurite to close
// through its "shutdown" message, which saves its stores and lets the process end.
process.stdin.on("close", () => process.emit("message", "shutdown"));
process.stdin.resume();
require(azuriteMain);
