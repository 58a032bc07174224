// adaptivecards-templating's typings import 'adaptivecards/src/schema', a TypeScript source file that does
// not compile under this project's strict module settings. tsconfig maps that one path here instead.
export type IAdaptiveCard = Record<string, unknown>;
