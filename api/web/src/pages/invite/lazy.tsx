import { lazyPages } from "../../components/LazyPages";

/** The referral page, in its own chunk, loaded when a user first opens it. */
export const InvitePages = lazyPages(() => import("./pages"));
