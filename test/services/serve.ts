// Starts the replay server on its own, for the UI suite (which drives a workbench from
// outside and cannot import TypeScript): prints its origin as one line, then serves until
// its standard input closes or it is told to stop.
import { ReplayServer } from './replayServer';

void ReplayServer.start().then((server) => {
  process.stdout.write(`${server.origin}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
});
