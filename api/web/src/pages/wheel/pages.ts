export { WheelListPage } from "./WheelListPage";
export { WheelPage } from "./WheelPage";
