/** The admin console's pages: one chunk, loaded only when an admin opens /admin (see lazy.tsx). */
export { OperationsPage } from "./OperationsPage";
export { CampaignListPage } from "./CampaignListPage";
export { CampaignEditorPage } from "./CampaignEditorPage";
export { ReviewQueuePage } from "./ReviewQueuePage";
export { WheelListPage } from "./WheelListPage";
export { WheelEditorPage } from "./WheelEditorPage";
