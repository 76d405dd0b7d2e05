export { GeneratorsPanel } from "./GeneratorsPanel";
export { generatorStories, type GeneratorStory, type Handoff } from "./handoffs";
