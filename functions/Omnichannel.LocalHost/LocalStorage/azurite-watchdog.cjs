// Preloaded into the Azurite process the hub starts (node --require). When the process that started it dies
// without stopping it (a test host killed by its runner, a hub killed with SIGKILL), Node is re-parented and
// this ends Azurite instead of leaving it listening on the ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
