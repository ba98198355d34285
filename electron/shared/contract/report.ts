// Year statistics and the annual report (stats.*, report.*).
export const reportContract = {};
