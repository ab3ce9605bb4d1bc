import { lazyPages } from "../../components/LazyPages";

/** The admin console, in its own chunk: players never download it. */
export const AdminPage = lazyPages(() => import("./pages"));
