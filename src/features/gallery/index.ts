export { buildCatalog, type Example, type IntendedEnd } from "./catalog";
export { EXAMPLES, findExample } from "./examples";
export { GalleryButton } from "./GalleryButton";
