import { lazyPages } from "../../components/LazyPages";

/** The wheel pages, in their own chunk, loaded when a player first opens the wheel. */
export const WheelPages = lazyPages(() => import("./pages"));
