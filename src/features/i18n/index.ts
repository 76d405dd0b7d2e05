export { EN, ZH_CN, type MessageKey } from "./messages";
export { stateLabel, useStateLabel } from "./stateLabels";
export { detectLocale, LOCALE_NAMES, translate, translator, type Params, type Translate } from "./translate";
export { useT } from "./useT";
export { LanguageSelect } from "./LanguageSelect";
