export { PlaybackBar } from "./PlaybackBar";
