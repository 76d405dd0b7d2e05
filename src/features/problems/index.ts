export { ProblemsPanel } from "./ProblemsPanel";
export { problemsOf, type Problem } from "./problems";
