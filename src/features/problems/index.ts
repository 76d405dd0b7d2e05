export { ProblemsPanel } from "./ProblemsPanel";
export { collapseProblems, problemsOf, shownProblemsOf, type Problem } from "./problems";
