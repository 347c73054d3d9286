/** The product name on the sign-in page, the menu and the browser tab. */
export const systemName = '司法行政指挥中心值班值守系统';
