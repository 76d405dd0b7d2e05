/** The swimlane's texts in the language the page shows (see words.ts). */
import { selectLocale, useAppStore } from "../../store";
import { swimlaneWords, type SwimlaneWords } from "./words";

export function useSwimlaneWords(): SwimlaneWords {
  return swimlaneWords(useAppStore(selectLocale));
}
