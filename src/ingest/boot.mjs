// Worker-thread entry: installs the TypeScript loader in this thread, then runs the worker module
// named in workerData (Node 20 does not pass --import hooks on to worker threads).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
