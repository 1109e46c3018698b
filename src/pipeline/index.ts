export { analyse, defaultPipeline, docIdFor } from "./analyse.ts";
export { Pipeline } from "./pipeline.ts";
