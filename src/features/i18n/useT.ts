/** React access to the UI's texts in the chosen language. */
import { selectLocale, useAppStore } from "../../store";
import { translator, type Translate } from "./translate";

export function useT(): Translate {
  return translator(useAppStore(selectLocale));
}
